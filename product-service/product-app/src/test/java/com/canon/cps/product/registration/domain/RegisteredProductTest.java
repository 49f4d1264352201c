package com.canon.cps.product.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisteredProductTest {

    private static final String PRODUCT = "3f1c0a6e-1d2b-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String ACCOUNT = "acc-1";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");
    private static final LocalDate BOUGHT = LocalDate.parse("2025-03-14");
    private static final PurchaseDetails COMPLETE = new PurchaseDetails(BOUGHT, false, "GB", "Jessops", false);
    private static final PurchaseDetails ONLY_DATE = new PurchaseDetails(BOUGHT, true, null, null, false);

    private FixtureConfiguration<RegisteredProduct> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegisteredProduct.class);
    }

    @Test
    void givenNothing_whenRegisterIncomplete_thenRegisteredWithItsPointsButIncomplete() {
        fixture.givenNoPriorActivity()
                .when(register(ONLY_DATE, false))
                .expectEvents(registered(ONLY_DATE, false))
                .expectState(p -> {
                    assertThat(p.state().complete()).isFalse();
                    assertThat(p.state().missingDetails())
                            .containsExactly(MissingDetail.COUNTRY_OF_PURCHASE, MissingDetail.DEALER);
                    assertThat(p.state().points()).isEqualTo(235);
                });
    }

    @Test
    void givenNothing_whenRegisterComplete_thenOnlyRegistered_noSeparateCompletion() {
        fixture.givenNoPriorActivity()
                .when(register(COMPLETE, false))
                .expectEvents(registered(COMPLETE, false))
                .expectState(p -> assertThat(p.state().complete()).isTrue());
    }

    @Test
    void givenNothing_whenRegisterMigrated_thenRegisteredAsMigrated() {
        fixture.givenNoPriorActivity().when(register(COMPLETE, true)).expectEvents(registered(COMPLETE, true));
    }

    @Test
    void givenNothing_whenPurchaseDateInTheFuture_thenRefusedAndNothingRecorded() {
        PurchaseDetails future = new PurchaseDetails(LocalDate.parse("2026-11-30"), false, "GB", "Jessops", false);

        fixture.givenNoPriorActivity()
                .when(register(future, false))
                .expectException(InvalidProductDetails.class)
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenPurchasedTodayInTheMembersEarlierTimeZone_thenAccepted() {
        // 23:30 UTC on the 27th is already the 28th in eastern Europe: that "today" must not count as the future
        PurchaseDetails today = new PurchaseDetails(LocalDate.parse("2026-11-28"), false, "FI", "Rajala", false);
        RegisterProduct late = new RegisterProduct(
                PRODUCT,
                ACCOUNT,
                "EOS-5D-MARK-III",
                "EOS 5D Mark III",
                "EF_BODY",
                "2024-01",
                235,
                "012021001234",
                today,
                false,
                Instant.parse("2026-11-27T23:30:00Z"));

        fixture.givenNoPriorActivity().when(late).expectSuccessfulHandlerExecution();
    }

    @Test
    void givenIncomplete_whenLastDetailsGiven_thenUpdatedAndCompletedWithTheRegisteredPoints() {
        PurchaseDetails completed = new PurchaseDetails(BOUGHT, true, "DE", "Calumet", true);

        fixture.given(registered(ONLY_DATE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(null, null, "DE", "Calumet", true), T1))
                .expectEvents(
                        new ProductDetailsUpdated(PRODUCT, ACCOUNT, completed, T1),
                        new ProductDetailsCompleted(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, T1))
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(
                        r -> r instanceof RegistrationState s && s.complete() && s.points() == 235));
    }

    @Test
    void givenIncomplete_whenSomeDetailsGiven_thenUpdatedButNotCompleted() {
        fixture.given(registered(ONLY_DATE, false))
                .when(new UpdateProductDetails(PRODUCT, ACCOUNT, new DetailsChange(null, null, "FR", null, null), T1))
                .expectEvents(new ProductDetailsUpdated(
                        PRODUCT, ACCOUNT, new PurchaseDetails(BOUGHT, true, "FR", null, false), T1));
    }

    @Test
    void givenComplete_whenDetailsCorrected_thenUpdatedOnly_completionIsNotRepeated() {
        fixture.given(registered(COMPLETE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(LocalDate.parse("2025-03-01"), true, null, null, null), T1))
                .expectEvents(new ProductDetailsUpdated(
                        PRODUCT,
                        ACCOUNT,
                        new PurchaseDetails(LocalDate.parse("2025-03-01"), true, "GB", "Jessops", false),
                        T1));
    }

    @Test
    void givenComplete_whenSameDetailsSentAgain_thenNothingRecorded() {
        fixture.given(registered(COMPLETE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(BOUGHT, false, "GB", "Jessops", false), T1))
                .expectNoEvents();
    }

    @Test
    void givenIncomplete_whenEstimateFlaggedWithoutValue_thenRefused() {
        fixture.given(registered(ONLY_DATE, false))
                .when(new UpdateProductDetails(PRODUCT, ACCOUNT, new DetailsChange(null, null, null, null, true), T1))
                .expectException(InvalidProductDetails.class)
                .expectNoEvents();
    }

    @Test
    void givenIncomplete_whenFutureDateGiven_thenRefused() {
        fixture.given(registered(ONLY_DATE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(LocalDate.parse("2027-01-01"), null, null, null, null), T1))
                .expectException(InvalidProductDetails.class)
                .expectNoEvents();
    }

    @Test
    void givenAnotherAccountsProduct_whenUpdatedOrDeregistered_thenNotFound() {
        fixture.given(registered(ONLY_DATE, false))
                .when(new UpdateProductDetails(PRODUCT, "acc-2", new DetailsChange(null, null, "GB", null, null), T1))
                .expectException(ProductNotFound.class)
                .expectNoEvents();
        fixture.given(registered(ONLY_DATE, false))
                .when(new DeregisterProduct(PRODUCT, "acc-2", T1))
                .expectException(ProductNotFound.class)
                .expectNoEvents();
    }

    @Test
    void givenComplete_whenDeregistered_thenDeregisteredAsCounted() {
        fixture.given(registered(COMPLETE, false))
                .when(new DeregisterProduct(PRODUCT, ACCOUNT, T1))
                .expectEvents(new ProductDeregistered(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, true, T1));
    }

    @Test
    void givenIncomplete_whenDeregistered_thenDeregisteredAsNotCounted() {
        fixture.given(registered(ONLY_DATE, false))
                .when(new DeregisterProduct(PRODUCT, ACCOUNT, T1))
                .expectEvents(new ProductDeregistered(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, false, T1));
    }

    @Test
    void givenDeregistered_whenDeregisteredAgainOrUpdated_thenGone() {
        fixture.given(
                        registered(COMPLETE, false),
                        new ProductDeregistered(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, true, T1))
                .when(new DeregisterProduct(PRODUCT, ACCOUNT, T1))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void detailsChange_appliesGivenValues_keepsTheRest_andFlagsFollowTheirValues() {
        PurchaseDetails estimated = new PurchaseDetails(BOUGHT, true, "GB", "Jessops", true);

        assertThat(estimated.with(new DetailsChange(LocalDate.parse("2025-01-02"), null, null, null, null)))
                .as("a new date without a flag is not an estimate")
                .isEqualTo(new PurchaseDetails(LocalDate.parse("2025-01-02"), false, "GB", "Jessops", true));
        assertThat(estimated.with(new DetailsChange(null, false, null, null, null)))
                .as("a flag alone re-flags the value there")
                .isEqualTo(new PurchaseDetails(BOUGHT, false, "GB", "Jessops", true));
        assertThat(estimated.with(new DetailsChange(null, null, null, null, null)))
                .isEqualTo(estimated);
        assertThat(PurchaseDetails.NONE.missingDetails())
                .containsExactly(MissingDetail.PURCHASE_DATE, MissingDetail.COUNTRY_OF_PURCHASE, MissingDetail.DEALER);
    }

    @Test
    void serialNumbers_areComparedWithoutSeparatorsOrCase() {
        assertThat(SerialNumbers.normalise(" 0120-21 00.12/34ab ")).isEqualTo("0120210012" + "34AB");
        assertThat(SerialNumbers.acceptable("012021001234")).isTrue();
        assertThat(SerialNumbers.acceptable("ab-12 34")).isTrue();
        assertThat(SerialNumbers.acceptable("   ")).isFalse();
        assertThat(SerialNumbers.acceptable("--")).isFalse();
        assertThat(SerialNumbers.acceptable("12<script>")).isFalse();
        assertThat(SerialNumbers.acceptable("1".repeat(41))).isFalse();
    }

    // ---- without a serial number; the reminder -------------------------------------------------------------------

    private static ProductRegistered withoutSerial(PurchaseDetails details) {
        return new ProductRegistered(
                PRODUCT,
                ACCOUNT,
                "EOS-5D-MARK-III",
                "EOS 5D Mark III",
                "EF_BODY",
                "2024-01",
                235,
                null,
                details,
                false,
                T0);
    }

    @Test
    void givenNothing_whenRegisterWithoutSerial_thenRegisteredIncomplete_theSerialMissingFirst() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(
                        PRODUCT,
                        ACCOUNT,
                        "EOS-5D-MARK-III",
                        "EOS 5D Mark III",
                        "EF_BODY",
                        "2024-01",
                        235,
                        "  ",
                        COMPLETE,
                        false,
                        T0))
                .expectEvents(withoutSerial(COMPLETE))
                .expectState(p -> {
                    assertThat(p.state().complete()).isFalse();
                    assertThat(p.state().missingDetails()).containsExactly(MissingDetail.SERIAL_NUMBER);
                });
    }

    @Test
    void givenNoSerial_whenTheSerialIsTheLastDetail_thenGivenAndCompleted() {
        fixture.given(withoutSerial(COMPLETE))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(null, null, null, null, null), " 0120 21001234 ", T1))
                .expectEvents(
                        new SerialNumberGiven(
                                PRODUCT, ACCOUNT, "EOS-5D-MARK-III", "0120 21001234", 235, COMPLETE, false, T0, T1),
                        new ProductDetailsCompleted(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, T1))
                .expectState(p -> assertThat(p.state().complete()).isTrue());
    }

    @Test
    void givenNoSerial_whenSerialAndDetailsTogether_thenUpdatedGivenAndCompletedOnce() {
        fixture.given(withoutSerial(ONLY_DATE))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(null, null, "GB", "Jessops", null), "012021001234", T1))
                .expectEvents(
                        new ProductDetailsUpdated(
                                PRODUCT, ACCOUNT, new PurchaseDetails(BOUGHT, true, "GB", "Jessops", false), T1),
                        new SerialNumberGiven(
                                PRODUCT,
                                ACCOUNT,
                                "EOS-5D-MARK-III",
                                "012021001234",
                                235,
                                new PurchaseDetails(BOUGHT, true, "GB", "Jessops", false),
                                false,
                                T0,
                                T1),
                        new ProductDetailsCompleted(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, T1));
    }

    @Test
    void givenASerial_whenTheSameSerialAsTyped_thenNothing_whenAnother_thenRefused() {
        fixture.given(registered(COMPLETE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(null, null, null, null, null), "0120-2100-1234", T1))
                .expectNoEvents();
        fixture.given(registered(COMPLETE, false))
                .when(new UpdateProductDetails(
                        PRODUCT, ACCOUNT, new DetailsChange(null, null, null, null, null), "999", T1))
                .expectNoEvents()
                .expectException(InvalidProductDetails.class);
    }

    @Test
    void givenNoSerial_whenDeregistered_thenNotCounted() {
        fixture.given(withoutSerial(COMPLETE))
                .when(new DeregisterProduct(PRODUCT, ACCOUNT, T1))
                .expectEvents(new ProductDeregistered(PRODUCT, ACCOUNT, "EOS-5D-MARK-III", 235, false, T1));
    }

    @Test
    void givenIncomplete_whenReminderDue_thenRemindedOnce_givenComplete_thenNothing() {
        java.time.Instant due = T0.plus(java.time.Duration.ofDays(30));
        fixture.registerInjectableResource(java.time.Clock.fixed(due, java.time.ZoneOffset.UTC));
        ProductStillIncomplete reminded = new ProductStillIncomplete(
                PRODUCT,
                ACCOUNT,
                "EOS-5D-MARK-III",
                "EOS 5D Mark III",
                java.util.List.of(MissingDetail.SERIAL_NUMBER, MissingDetail.COUNTRY_OF_PURCHASE, MissingDetail.DEALER),
                235,
                T0,
                due);
        fixture.given(withoutSerial(ONLY_DATE))
                .when(new RemindIncompleteRegistration(PRODUCT))
                .expectEvents(reminded);
        fixture.given(withoutSerial(ONLY_DATE), reminded)
                .when(new RemindIncompleteRegistration(PRODUCT))
                .expectNoEvents();
        fixture.given(registered(COMPLETE, false))
                .when(new RemindIncompleteRegistration(PRODUCT))
                .expectNoEvents();
    }

    private static RegisterProduct register(PurchaseDetails details, boolean migrated) {
        return new RegisterProduct(
                PRODUCT,
                ACCOUNT,
                "EOS-5D-MARK-III",
                "EOS 5D Mark III",
                "EF_BODY",
                "2024-01",
                235,
                "012021001234",
                details,
                migrated,
                T0);
    }

    private static ProductRegistered registered(PurchaseDetails details, boolean migrated) {
        return new ProductRegistered(
                PRODUCT,
                ACCOUNT,
                "EOS-5D-MARK-III",
                "EOS 5D Mark III",
                "EF_BODY",
                "2024-01",
                235,
                "012021001234",
                details,
                migrated,
                T0);
    }
}
