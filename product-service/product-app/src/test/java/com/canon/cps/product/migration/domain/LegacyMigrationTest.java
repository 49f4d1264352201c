package com.canon.cps.product.migration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegacyMigrationTest {

    private static final String ACCOUNT = "acc-1";
    private static final String ID = LegacyMigration.idFor(ACCOUNT);
    private static final String EMAIL = "ada.old@lumen.example";
    private static final Instant OPENED = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final SkippedRegistration TAKEN = new SkippedRegistration(
            "EF-40-F2.8-STM", "99887766", SkippedRegistration.Reason.REGISTERED_BY_ANOTHER_ACCOUNT);

    private FixtureConfiguration<LegacyMigration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegacyMigration.class);
    }

    @Test
    void givenNothing_whenAccountOpenedWithOldEmail_thenPrepared() {
        fixture.givenNoPriorActivity()
                .when(new PrepareLegacyMigration(ID, ACCOUNT, EMAIL, OPENED))
                .expectEvents(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED));
    }

    @Test
    void givenPrepared_whenAccountOpenedDeliveredAgain_thenNothingChanges() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED))
                .when(new PrepareLegacyMigration(ID, ACCOUNT, "other@lumen.example", NOW))
                .expectNoEvents();
    }

    @Test
    void givenPreparedButNotConfirmed_whenCompleted_thenRefused_typingAnOldEmailIsNotEnough() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED))
                .when(new CompleteLegacyMigration(ID, EMAIL, List.of("p-1"), List.of(), NOW))
                .expectException(MigrationRefused.class)
                .expectExceptionMessage("The old CPS e-mail is not confirmed yet: type in the code sent to it first")
                .expectNoEvents();
    }

    @Test
    void givenPrepared_whenTheOldEmailIsConfirmed_thenConfirmed_onceOnly() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED))
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, EMAIL, NOW))
                .expectEvents(new LegacyEmailConfirmed(ID, ACCOUNT, EMAIL, NOW));
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED), confirmed())
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, EMAIL, NOW))
                .expectNoEvents();
    }

    @Test
    void anOldEmailGivenAfterTheApplication_isConfirmedOverTheOneOpenedWithout() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, null, OPENED))
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, EMAIL, NOW))
                .expectEvents(new LegacyEmailConfirmed(ID, ACCOUNT, EMAIL, NOW));
        fixture.givenNoPriorActivity()
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, EMAIL, NOW))
                .expectEvents(new LegacyEmailConfirmed(ID, ACCOUNT, EMAIL, NOW));
        fixture.given(new LegacyEmailConfirmed(ID, ACCOUNT, EMAIL, NOW))
                .when(new PrepareLegacyMigration(ID, ACCOUNT, null, OPENED))
                .expectNoEvents();
    }

    @Test
    void givenMigrated_whenConfirmedLater_thenNothingChanges() {
        fixture.given(
                        new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED),
                        confirmed(),
                        new ProductsMigrated(ID, ACCOUNT, List.of("p-1"), List.of(), NOW))
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, "other@old.example", NOW))
                .expectNoEvents();
    }

    @Test
    void givenConfirmed_whenCompleted_thenProductsMigratedWithTheCopiesAndTheSkipped() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED), confirmed())
                .when(new CompleteLegacyMigration(ID, EMAIL, List.of("p-1", "p-2"), List.of(TAKEN), NOW))
                .expectEvents(new ProductsMigrated(ID, ACCOUNT, List.of("p-1", "p-2"), List.of(TAKEN), NOW))
                .expectState(m -> assertThat(m.completed()).isTrue());
    }

    @Test
    void givenMigrated_whenCompletedAgain_thenRefused_migrationHappensOnce() {
        fixture.given(
                        new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED),
                        confirmed(),
                        new ProductsMigrated(ID, ACCOUNT, List.of("p-1"), List.of(), NOW))
                .when(new CompleteLegacyMigration(ID, EMAIL, List.of("p-9"), List.of(), NOW))
                .expectException(MigrationRefused.class)
                .expectExceptionMessage("The products were migrated already")
                .expectNoEvents();
    }

    @Test
    void givenNoOldEmail_whenCompleted_thenRefused() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, null, OPENED))
                .when(new CompleteLegacyMigration(ID, EMAIL, List.of("p-1"), List.of(), NOW))
                .expectException(MigrationRefused.class)
                .expectNoEvents();
    }

    @Test
    void givenConfirmed_whenCompletedForAnotherEmail_thenRefused() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED), confirmed())
                .when(new CompleteLegacyMigration(ID, "someone.else@old.example", List.of("p-1"), List.of(), NOW))
                .expectException(MigrationRefused.class)
                .expectNoEvents();
    }

    private static LegacyEmailConfirmed confirmed() {
        return new LegacyEmailConfirmed(ID, ACCOUNT, EMAIL, OPENED.plusSeconds(60));
    }

    @Test
    void migrationIds_areNeverProductIds() {
        assertThat(LegacyMigration.idFor("b7c1")).isEqualTo("legacy-migration:b7c1");
    }

    // ---- erasure (GDPR Art. 17) ------------------------------------------------------------------------------------

    private static final LegacyMigrationStopped STOPPED = new LegacyMigrationStopped(ID, ACCOUNT, NOW);

    @Test
    void givenConfirmed_whenTheAccountIsErased_thenStopped_andTheMigrationIsRefused() {
        fixture.given(new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED), confirmed())
                .when(new StopLegacyMigration(ID, ACCOUNT, NOW))
                .expectEvents(STOPPED);
        fixture.given(
                        new LegacyMigrationPrepared(ID, ACCOUNT, "[erased]", OPENED),
                        new LegacyEmailConfirmed(ID, ACCOUNT, "[erased]", OPENED.plusSeconds(60)),
                        STOPPED)
                .when(new CompleteLegacyMigration(ID, "[erased]", List.of("p-1"), List.of(), NOW))
                .expectNoEvents()
                .expectException(MigrationRefused.class)
                .expectException(org.axonframework.test.matchers.Matchers.matches(
                        e -> ((MigrationRefused) e).reason() == MigrationRefused.Reason.ACCOUNT_ERASED));
    }

    @Test
    void givenStopped_thenStoppedAgain_accountOpenedAndConfirmationAreIgnored() {
        fixture.given(STOPPED).when(new StopLegacyMigration(ID, ACCOUNT, NOW)).expectNoEvents();
        fixture.given(STOPPED)
                .when(new PrepareLegacyMigration(ID, ACCOUNT, EMAIL, NOW))
                .expectNoEvents();
        fixture.given(STOPPED)
                .when(new ConfirmLegacyEmail(ID, ACCOUNT, EMAIL, NOW))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenErased_thenStopped() {
        fixture.givenNoPriorActivity()
                .when(new StopLegacyMigration(ID, ACCOUNT, NOW))
                .expectEvents(STOPPED);
    }

    @Test
    void givenMigrated_whenErased_thenNothingIsPending() {
        fixture.given(
                        new LegacyMigrationPrepared(ID, ACCOUNT, EMAIL, OPENED),
                        confirmed(),
                        new ProductsMigrated(ID, ACCOUNT, List.of("p-1"), List.of(), NOW))
                .when(new StopLegacyMigration(ID, ACCOUNT, NOW))
                .expectNoEvents();
    }
}
