package com.canon.cps.verification.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events (or a refusal): every command of {@link VerificationCase}. */
class VerificationCaseTest {

    private static final String ACCOUNT = "acc-1";
    private static final String CASE = VerificationCase.caseIdFor(ACCOUNT);
    private static final String OPERATOR = "operator:ops@cps.local";
    private static final Instant SUBMITTED = Instant.parse("2025-12-24T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-12-30T23:59:59.999999999Z");
    private static final Instant BEFORE_DEADLINE = Instant.parse("2025-12-29T09:00:00Z");
    private static final Instant LINK_EXPIRES = Instant.parse("2026-01-12T09:00:00Z");
    private static final Instant AFTER_DEADLINE = Instant.parse("2025-12-31T09:00:00Z");
    private static final Instant CHECKED = Instant.parse("2025-12-24T10:00:02Z");
    private static final List<EvidenceDocument> DOCUMENTS = List.of(new EvidenceDocument("doc-1", "VAT_CERTIFICATE"));
    private static final RegistryEvidence EVIDENCE =
            new RegistryEvidence("HMRC", "GB980780684", "Ab1-cD2-eF3", CHECKED);

    private static FixtureConfiguration<VerificationCase> fixture(boolean autoApprove, Instant now) {
        FixtureConfiguration<VerificationCase> fixture = new AggregateTestFixture<>(VerificationCase.class);
        fixture.registerInjectableResource(new ApprovalPolicy(autoApprove));
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }

    private static FixtureConfiguration<VerificationCase> fixture() {
        return fixture(true, BEFORE_DEADLINE);
    }

    private static VerificationCaseOpened opened(boolean vatLiable) {
        return new VerificationCaseOpened(
                CASE,
                ACCOUNT,
                "Lumen Studio Ltd",
                "GB",
                vatLiable,
                vatLiable ? "GB980780684" : null,
                DOCUMENTS,
                SUBMITTED,
                DEADLINE);
    }

    private static final VerificationCaseOpened VAT_CASE = opened(true);
    private static final VerificationCaseOpened NON_VAT_CASE = opened(false);
    private static final List<EvidenceDocument> INVOICE = List.of(new EvidenceDocument("doc-2", "INVOICE_WITH_VAT_ID"));
    private static final VerificationCaseOpened INVOICE_ONLY_CASE = new VerificationCaseOpened(
            CASE, ACCOUNT, "Lumen Studio Ltd", "GB", true, null, INVOICE, SUBMITTED, DEADLINE);
    private static final CaseQueuedForReview QUEUED = new CaseQueuedForReview(CASE, ACCOUNT);
    private static final AccountVerified APPROVED =
            new AccountVerified(CASE, ACCOUNT, VerificationMethod.OPERATOR, null, OPERATOR, BEFORE_DEADLINE);
    private static final AccountVerificationRejected REJECTED =
            new AccountVerificationRejected(CASE, ACCOUNT, "Documents unreadable", OPERATOR, BEFORE_DEADLINE);
    private static final VerificationInfoRequested INFO_REQUESTED = new VerificationInfoRequested(
            CASE, ACCOUNT, "Please send a recent invoice", OPERATOR, BEFORE_DEADLINE, "req-1", LINK_EXPIRES);

    private static RegistryCheckUnavailable unavailable(int attempt, Instant nextCheckAt) {
        return new RegistryCheckUnavailable(
                CASE, ACCOUNT, "HMRC", "GB980780684", "SERVICE_UNAVAILABLE", attempt, CHECKED, nextCheckAt);
    }

    // ---- open ------------------------------------------------------------------------------------------------------

    @Test
    void givenNoCase_whenOpenVatLiable_thenOpenedAndWaitingForTheRegistry() {
        fixture()
                .givenNoPriorActivity()
                .when(new OpenVerificationCase(
                        CASE, ACCOUNT, "Lumen Studio Ltd", "GB", true, "GB980780684", DOCUMENTS, SUBMITTED, DEADLINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(VAT_CASE)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.UNAVAILABLE);
                });
    }

    @Test
    void givenNoCase_whenOpenNotVatLiable_thenOpenedStraightIntoReview() {
        fixture()
                .givenNoPriorActivity()
                .when(new OpenVerificationCase(
                        CASE, ACCOUNT, "Lumen Studio Ltd", "GB", false, null, DOCUMENTS, SUBMITTED, DEADLINE))
                .expectEvents(NON_VAT_CASE)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.NOT_APPLICABLE);
                });
    }

    @Test
    void givenNoCase_whenOpenVatLiableWithAnInvoiceButNoVatId_thenStraightIntoReviewWithoutRegistryCheck() {
        fixture()
                .givenNoPriorActivity()
                .when(new OpenVerificationCase(
                        CASE, ACCOUNT, "Lumen Studio Ltd", "GB", true, null, INVOICE, SUBMITTED, DEADLINE))
                .expectEvents(INVOICE_ONLY_CASE)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.NOT_APPLICABLE);
                });
        assertThat(INVOICE_ONLY_CASE.registryCheckRequired())
                .as("nothing to ask the registry: the operator reads the VAT ID from the invoice")
                .isFalse();
    }

    @Test
    void givenVatLiableCaseWithoutVatId_whenARegistryAnswerArrivesAnyway_thenIgnoredAndNeverApprovedByPolicy() {
        fixture(true, BEFORE_DEADLINE)
                .given(INVOICE_ONLY_CASE)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectNoEvents()
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.NOT_APPLICABLE);
                });
    }

    @Test
    void givenVatLiableCaseWithoutVatId_whenTheOperatorApproves_thenVerifiedByTheOperatorWithoutRegistryEvidence() {
        fixture()
                .given(INVOICE_ONLY_CASE)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectEvents(APPROVED);
    }

    @Test
    void givenNoCase_whenOpenWithoutDocumentList_thenOpenedWithNoDocuments() {
        fixture()
                .givenNoPriorActivity()
                .when(new OpenVerificationCase(
                        CASE, ACCOUNT, "Lumen Studio Ltd", "GB", false, null, null, SUBMITTED, DEADLINE))
                .expectEvents(new VerificationCaseOpened(
                        CASE, ACCOUNT, "Lumen Studio Ltd", "GB", false, null, List.of(), SUBMITTED, DEADLINE));
    }

    @Test
    void givenAnyAccount_whenCaseIdDerived_thenStableAndDistinctPerAccount() {
        assertThat(VerificationCase.caseIdFor("acc-1"))
                .isEqualTo(VerificationCase.caseIdFor("acc-1"))
                .isNotEqualTo(VerificationCase.caseIdFor("acc-2"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    // ---- registry answers ------------------------------------------------------------------------------------------

    @Test
    void givenOpenCase_whenRegistryConfirms_thenEvidenceKeptAndApprovedByPolicy() {
        fixture()
                .given(VAT_CASE)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectEvents(
                        new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE),
                        new AccountVerified(
                                CASE, ACCOUNT, VerificationMethod.REGISTRY_POLICY, EVIDENCE, null, BEFORE_DEADLINE))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.APPROVED));
    }

    @Test
    void givenOpenCaseAndPolicyOff_whenRegistryConfirms_thenEvidenceKeptAndQueuedForAnOperator() {
        fixture(false, BEFORE_DEADLINE)
                .given(VAT_CASE)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectEvents(new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE), QUEUED)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.VALID);
                });
    }

    @Test
    void givenInfoRequested_whenRegistryConfirms_thenEvidenceKeptButTheOperatorsQuestionStands() {
        fixture()
                .given(VAT_CASE, unavailable(1, CHECKED.plusSeconds(60)), QUEUED, INFO_REQUESTED)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectEvents(new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.INFO_REQUESTED));
    }

    @Test
    void givenOpenCase_whenRegistryRefuses_thenReportedInvalidAndQueued_notRejected() {
        fixture()
                .given(VAT_CASE)
                .when(new RecordRegistryRefusal(CASE, "HMRC", CHECKED))
                .expectEvents(new VatIdReportedInvalid(CASE, ACCOUNT, "HMRC", "GB980780684", CHECKED), QUEUED)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.INVALID);
                });
    }

    @Test
    void givenOpenCase_whenRegistryUnavailable_thenUnknownAndQueuedForTheDocuments() {
        Instant next = CHECKED.plusSeconds(60);
        fixture()
                .given(VAT_CASE)
                .when(new RecordRegistryUnavailable(CASE, "HMRC", "SERVICE_UNAVAILABLE", 1, CHECKED, next))
                .expectEvents(unavailable(1, next), QUEUED)
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                    assertThat(c.registryCheck()).isEqualTo(RegistryCheckStatus.UNAVAILABLE);
                });
    }

    @Test
    void givenUnavailableOnce_whenRecheckUnavailableAgain_thenRecordedWithoutQueueingTwice() {
        Instant next = CHECKED.plusSeconds(120);
        fixture()
                .given(VAT_CASE, unavailable(1, CHECKED.plusSeconds(60)), QUEUED)
                .when(new RecordRegistryUnavailable(CASE, "HMRC", "SERVICE_UNAVAILABLE", 2, CHECKED, next))
                .expectEvents(unavailable(2, next));
    }

    @Test
    void givenUnavailable_whenTheSameAttemptIsRecordedAgain_thenNothingHappens() {
        fixture()
                .given(VAT_CASE, unavailable(1, CHECKED.plusSeconds(60)), QUEUED)
                .when(new RecordRegistryUnavailable(CASE, "HMRC", "SERVICE_UNAVAILABLE", 1, CHECKED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenUnavailable_whenRecheckConfirms_thenApprovedByPolicy() {
        fixture()
                .given(VAT_CASE, unavailable(1, CHECKED.plusSeconds(60)), QUEUED)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectEvents(
                        new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE),
                        new AccountVerified(
                                CASE, ACCOUNT, VerificationMethod.REGISTRY_POLICY, EVIDENCE, null, BEFORE_DEADLINE));
    }

    @Test
    void givenDefinitiveAnswer_whenAnotherAnswerArrives_thenIgnored() {
        fixture(false, BEFORE_DEADLINE)
                .given(VAT_CASE, new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE), QUEUED)
                .when(new RecordRegistryRefusal(CASE, "HMRC", CHECKED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenClosedCase_whenALateRegistryAnswerArrives_thenIgnored() {
        fixture()
                .given(VAT_CASE, unavailable(1, CHECKED.plusSeconds(60)), QUEUED, REJECTED)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNotVatLiable_whenARegistryAnswerArrives_thenIgnored() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "Ab1-cD2-eF3", CHECKED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- operator decisions ----------------------------------------------------------------------------------------

    @Test
    void givenInReview_whenApprove_thenVerifiedByTheOperatorWithoutRegistryEvidence() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectEvents(APPROVED)
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.APPROVED));
    }

    @Test
    void givenRegistryConfirmed_whenOperatorApproves_thenTheEvidenceGoesWithTheApproval() {
        fixture(false, BEFORE_DEADLINE)
                .given(VAT_CASE, new VatIdConfirmed(CASE, ACCOUNT, EVIDENCE), QUEUED)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectEvents(new AccountVerified(
                        CASE, ACCOUNT, VerificationMethod.OPERATOR, EVIDENCE, OPERATOR, BEFORE_DEADLINE));
    }

    @Test
    void givenRegistryCheckStillPending_whenOperatorApproves_thenApprovedOnTheDocuments() {
        fixture().given(VAT_CASE).when(new ApproveVerification(CASE, OPERATOR)).expectEvents(APPROVED);
    }

    @Test
    void givenInReview_whenRejectWithReason_thenRejected() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new RejectVerification(CASE, "  Documents unreadable ", OPERATOR))
                .expectEvents(REJECTED)
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.REJECTED));
    }

    @Test
    void givenInReview_whenRejectWithoutReason_thenRefused() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new RejectVerification(CASE, " ", OPERATOR))
                .expectException(ReasonRequiredException.class)
                .expectNoEvents();
    }

    @Test
    void givenInReview_whenRequestInfoWithReason_thenInfoRequested() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new RequestVerificationInfo(
                        CASE, "Please send a recent invoice", OPERATOR, "req-1", LINK_EXPIRES))
                .expectEvents(INFO_REQUESTED)
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.INFO_REQUESTED));
    }

    @Test
    void givenInReview_whenRequestInfoWithoutReason_thenRefused() {
        fixture()
                .given(NON_VAT_CASE)
                .when(new RequestVerificationInfo(CASE, null, OPERATOR, "req-1", LINK_EXPIRES))
                .expectException(ReasonRequiredException.class)
                .expectNoEvents();
    }

    @Test
    void givenInfoRequested_whenApprove_thenApproved() {
        fixture()
                .given(NON_VAT_CASE, INFO_REQUESTED)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectEvents(APPROVED);
    }

    @Test
    void givenApproved_whenApproveAgain_thenRefusedAsClosed() {
        fixture()
                .given(NON_VAT_CASE, APPROVED)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectException(CaseClosedException.class)
                .expectNoEvents();
    }

    @Test
    void givenApproved_whenReject_thenRefusedAsClosed() {
        fixture()
                .given(NON_VAT_CASE, APPROVED)
                .when(new RejectVerification(CASE, "Changed my mind", OPERATOR))
                .expectException(CaseClosedException.class)
                .expectNoEvents();
    }

    @Test
    void givenRejected_whenApprove_thenRefusedAsClosed() {
        fixture()
                .given(NON_VAT_CASE, REJECTED)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectException(CaseClosedException.class)
                .expectNoEvents();
    }

    @Test
    void givenRejected_whenRequestInfo_thenRefusedAsClosed() {
        fixture()
                .given(NON_VAT_CASE, REJECTED)
                .when(new RequestVerificationInfo(CASE, "One more thing", OPERATOR, "req-2", LINK_EXPIRES))
                .expectException(CaseClosedException.class)
                .expectNoEvents();
    }

    // ---- SLA -------------------------------------------------------------------------------------------------------

    @Test
    void givenUndecidedCase_whenTheDeadlineHasPassed_thenSlaBreachedAndTheCaseStaysOpen() {
        fixture(true, AFTER_DEADLINE)
                .given(NON_VAT_CASE)
                .when(new RecordSlaBreach(CASE))
                .expectEvents(new VerificationSlaBreached(CASE, ACCOUNT, DEADLINE, AFTER_DEADLINE))
                .expectState(c -> {
                    assertThat(c.slaBreached()).isTrue();
                    assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW);
                });
    }

    @Test
    void givenBreachAlreadyRaised_whenTheDeadlineFiresAgain_thenNothingHappens() {
        fixture(true, AFTER_DEADLINE.plusSeconds(3600))
                .given(NON_VAT_CASE, new VerificationSlaBreached(CASE, ACCOUNT, DEADLINE, AFTER_DEADLINE))
                .when(new RecordSlaBreach(CASE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenInfoRequested_whenTheDeadlineHasPassed_thenStillABreach() {
        fixture(true, AFTER_DEADLINE)
                .given(NON_VAT_CASE, INFO_REQUESTED)
                .when(new RecordSlaBreach(CASE))
                .expectEvents(new VerificationSlaBreached(CASE, ACCOUNT, DEADLINE, AFTER_DEADLINE));
    }

    @Test
    void givenDecidedCase_whenTheDeadlinePasses_thenNoBreach() {
        fixture(true, AFTER_DEADLINE)
                .given(NON_VAT_CASE, APPROVED)
                .when(new RecordSlaBreach(CASE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenUndecidedCase_whenTheDeadlineFiresEarly_thenNoBreach() {
        fixture(true, BEFORE_DEADLINE)
                .given(NON_VAT_CASE)
                .when(new RecordSlaBreach(CASE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
