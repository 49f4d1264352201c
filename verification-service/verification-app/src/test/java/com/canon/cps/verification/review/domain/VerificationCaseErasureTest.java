package com.canon.cps.verification.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A case whose account is erased (GDPR Art. 17, ADR 23): its history reads {@code "[erased]"} in every personal value
 * and still loads; {@link CloseErasedCase} closes an undecided case for good, once, and nothing acts on it afterwards.
 */
class VerificationCaseErasureTest {

    private static final String ERASED = PersonalData.ERASED;
    private static final String ACCOUNT = "acc-erased";
    private static final String CASE = VerificationCase.caseIdFor(ACCOUNT);
    private static final String OPERATOR = "operator:ops@cps.local";
    private static final Instant SUBMITTED = Instant.parse("2025-12-24T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-12-30T23:59:59.999999999Z");
    private static final Instant NOW = Instant.parse("2025-12-29T09:00:00Z");
    private static final Instant AFTER_DEADLINE = Instant.parse("2025-12-31T09:00:00Z");

    /** The case's opening as a reader sees it once the account's key is destroyed. */
    private static final VerificationCaseOpened ERASED_OPENED = new VerificationCaseOpened(
            CASE,
            ACCOUNT,
            ERASED,
            "GB",
            true,
            ERASED,
            List.of(new EvidenceDocument("doc-1", "VAT_CERTIFICATE")),
            SUBMITTED,
            DEADLINE);

    private static final RegistryCheckUnavailable ERASED_UNAVAILABLE = new RegistryCheckUnavailable(
            CASE, ACCOUNT, "HMRC", ERASED, "SERVICE_UNAVAILABLE", 1, SUBMITTED, SUBMITTED.plusSeconds(60));

    private static FixtureConfiguration<VerificationCase> fixture(Instant now) {
        FixtureConfiguration<VerificationCase> fixture = new AggregateTestFixture<>(VerificationCase.class);
        fixture.registerInjectableResource(new ApprovalPolicy(true));
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void givenAnErasedHistory_whenClosedForErasure_thenWithdrawnAndErased() {
        fixture(NOW)
                .given(ERASED_OPENED, ERASED_UNAVAILABLE, new CaseQueuedForReview(CASE, ACCOUNT))
                .when(new CloseErasedCase(CASE, NOW))
                .expectEvents(new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.ERASED);
                    assertThat(c.erased()).isTrue();
                });
    }

    @Test
    void givenAnErasedChangeCase_whenClosedForErasure_thenWithdrawn() {
        String changeCase = VerificationCase.caseIdForChange("chg-1");
        fixture(NOW)
                .given(new ChangeCaseOpened(
                        changeCase, ACCOUNT, "chg-1", ERASED, ERASED, ERASED, ERASED, true, "GB", SUBMITTED, DEADLINE))
                .when(new CloseErasedCase(changeCase, NOW))
                .expectEvents(new VerificationCaseErased(changeCase, ACCOUNT, true, NOW));
    }

    @Test
    void givenADecidedCase_whenClosedForErasure_thenErasedButKeepsItsOutcome() {
        fixture(NOW)
                .given(
                        ERASED_OPENED,
                        new AccountVerificationRejected(CASE, ACCOUNT, ERASED, OPERATOR, NOW.minusSeconds(60)))
                .when(new CloseErasedCase(CASE, NOW))
                .expectEvents(new VerificationCaseErased(CASE, ACCOUNT, false, NOW))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.REJECTED));
    }

    @Test
    void givenAnErasedCase_whenClosedAgain_thenNothing() {
        fixture(NOW)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new CloseErasedCase(CASE, NOW.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAnErasedCase_whenAnOperatorDecides_thenRefusedAsClosed() {
        fixture(NOW)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectException(CaseClosedException.class)
                .expectExceptionMessage("Case " + CASE + " is already ERASED");
        fixture(NOW)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new RequestVerificationInfo(CASE, "More please", OPERATOR, "req-9", AFTER_DEADLINE))
                .expectException(CaseClosedException.class);
    }

    @Test
    void givenAnErasedCase_whenTheSlaDeadlineOrARegistryAnswerComes_thenNothing() {
        fixture(AFTER_DEADLINE)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new RecordSlaBreach(CASE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture(NOW)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture(NOW)
                .given(ERASED_OPENED, new VerificationCaseErased(CASE, ACCOUNT, true, NOW))
                .when(new RecordRegistryUnavailable(CASE, "HMRC", "TIMEOUT", 2, NOW, NOW.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAnErasedHistoryNotYetClosed_theCaseStillWorks_andTheRegistryEvidenceKeepsTheErasedValue() {
        // the key is destroyed before the participant closes the case: commands meanwhile still see a sound case
        fixture(NOW)
                .given(ERASED_OPENED)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1", NOW))
                .expectEvents(
                        new VatIdConfirmed(CASE, ACCOUNT, new RegistryEvidence("HMRC", ERASED, "Ab1", NOW)),
                        new AccountVerified(
                                CASE,
                                ACCOUNT,
                                VerificationMethod.REGISTRY_POLICY,
                                new RegistryEvidence("HMRC", ERASED, "Ab1", NOW),
                                null,
                                NOW));
    }
}
