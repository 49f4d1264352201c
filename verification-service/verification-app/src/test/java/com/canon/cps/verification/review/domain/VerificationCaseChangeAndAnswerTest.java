package com.canon.cps.verification.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Cases of a member's change of company details, and an applicant's answer to an information request. */
class VerificationCaseChangeAndAnswerTest {

    private static final String ACCOUNT = "acc-1";
    private static final String CHANGE = "chg-1";
    private static final String CASE = VerificationCase.caseIdForChange(CHANGE);
    private static final String APPLICATION_CASE = VerificationCase.caseIdFor(ACCOUNT);
    private static final String OPERATOR = "operator:ops@cps.local";
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-04T23:59:59.999999999Z");
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant LINK_EXPIRES = Instant.parse("2026-03-17T09:00:00Z");
    private static final EvidenceDocument INVOICE = new EvidenceDocument("doc-2", "COMMERCIAL_INVOICE");

    private static FixtureConfiguration<VerificationCase> fixture(boolean autoApprove) {
        FixtureConfiguration<VerificationCase> fixture = new AggregateTestFixture<>(VerificationCase.class);
        fixture.registerInjectableResource(new ApprovalPolicy(autoApprove));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    private static ChangeCaseOpened changeOpened(String vatId, boolean vatIdChanged) {
        return new ChangeCaseOpened(
                CASE,
                ACCOUNT,
                CHANGE,
                "Lumen Group Ltd",
                vatId,
                "Lumen Studio Ltd",
                "GB980780684",
                vatIdChanged,
                "GB",
                SUBMITTED,
                DEADLINE);
    }

    @Test
    void aChangeCaseIdFollowsFromTheChange_andDiffersFromTheApplicationsCase() {
        assertThat(VerificationCase.caseIdForChange(CHANGE))
                .isEqualTo(CASE)
                .isNotEqualTo(VerificationCase.caseIdForChange("chg-2"))
                .isNotEqualTo(APPLICATION_CASE);
    }

    @Test
    void aNewNameUnderTheSameVatId_goesStraightToReview_withoutRegistryCheck() {
        ChangeCaseOpened opened = changeOpened("GB980780684", false);
        assertThat(opened.registryCheckRequired()).isFalse();
        fixture(true)
                .givenNoPriorActivity()
                .when(new OpenChangeCase(
                        CASE,
                        ACCOUNT,
                        CHANGE,
                        "Lumen Group Ltd",
                        "GB980780684",
                        "Lumen Studio Ltd",
                        "GB980780684",
                        false,
                        "GB",
                        SUBMITTED,
                        DEADLINE))
                .expectEvents(opened)
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW));
    }

    @Test
    void aNewVatIdConfirmedByTheRegistry_isApprovedByThePolicy_asAChange() {
        ChangeCaseOpened opened = changeOpened("GB123456782", true);
        assertThat(opened.registryCheckRequired()).isTrue();
        RegistryEvidence evidence = new RegistryEvidence("HMRC", "GB123456782", "C-1", NOW);
        fixture(true)
                .given(opened)
                .when(new RecordRegistryConfirmation(CASE, "HMRC", "C-1", NOW))
                .expectEvents(
                        new VatIdConfirmed(CASE, ACCOUNT, evidence),
                        new CompanyChangeApproved(
                                CASE,
                                ACCOUNT,
                                CHANGE,
                                "Lumen Group Ltd",
                                "GB123456782",
                                VerificationMethod.REGISTRY_POLICY,
                                evidence,
                                null,
                                NOW));
    }

    @Test
    void anOperatorApprovesOrRejectsAChange_asAChange_andCannotAskForInformation() {
        ChangeCaseOpened opened = changeOpened("GB980780684", false);
        fixture(true)
                .given(opened)
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectEvents(new CompanyChangeApproved(
                        CASE,
                        ACCOUNT,
                        CHANGE,
                        "Lumen Group Ltd",
                        "GB980780684",
                        VerificationMethod.OPERATOR,
                        null,
                        OPERATOR,
                        NOW))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.APPROVED));
        fixture(true)
                .given(opened)
                .when(new RejectVerification(CASE, " Not your company ", OPERATOR))
                .expectEvents(new CompanyChangeRejected(CASE, ACCOUNT, CHANGE, "Not your company", OPERATOR, NOW));
        fixture(true)
                .given(opened)
                .when(new RequestVerificationInfo(CASE, "Send the register extract", OPERATOR, "req-1", LINK_EXPIRES))
                .expectException(InformationNotExpectedException.class)
                .expectNoEvents();
        fixture(true)
                .given(opened, new CompanyChangeRejected(CASE, ACCOUNT, CHANGE, "No", OPERATOR, NOW))
                .when(new ApproveVerification(CASE, OPERATOR))
                .expectException(CaseClosedException.class);
    }

    // ---- answers to information requests ----------------------------------------------------------------------------

    private static VerificationCaseOpened applicationOpened() {
        return new VerificationCaseOpened(
                APPLICATION_CASE,
                ACCOUNT,
                "Lumen Studio Ltd",
                "GB",
                false,
                null,
                List.of(new EvidenceDocument("doc-1", "COMMERCIAL_INVOICE")),
                SUBMITTED,
                DEADLINE);
    }

    private static VerificationInfoRequested infoRequested(String requestId, Instant at) {
        return new VerificationInfoRequested(
                APPLICATION_CASE, ACCOUNT, "The invoice is older than 3 months", OPERATOR, at, requestId, LINK_EXPIRES);
    }

    @Test
    void anAnswerToTheCurrentRequest_addsTheDocument_andReturnsTheCaseToReview() {
        fixture(true)
                .given(applicationOpened(), infoRequested("req-1", SUBMITTED))
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, NOW))
                .expectEvents(new InformationProvided(APPLICATION_CASE, ACCOUNT, "req-1", INVOICE, NOW))
                .expectState(c -> assertThat(c.status()).isEqualTo(CaseStatus.IN_REVIEW));
    }

    @Test
    void anAnswerNotExpected_isRefused() {
        fixture(true)
                .given(applicationOpened())
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, NOW))
                .expectException(InformationNotExpectedException.class);
        fixture(true)
                .given(applicationOpened(), infoRequested("req-1", SUBMITTED), infoRequested("req-2", NOW))
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, NOW))
                .expectException(InformationNotExpectedException.class);
        fixture(true)
                .given(applicationOpened(), infoRequested("req-1", SUBMITTED))
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, LINK_EXPIRES))
                .expectException(InformationNotExpectedException.class);
        fixture(true)
                .given(
                        applicationOpened(),
                        infoRequested("req-1", SUBMITTED),
                        new InformationProvided(APPLICATION_CASE, ACCOUNT, "req-1", INVOICE, NOW))
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, NOW))
                .expectException(InformationNotExpectedException.class);
        fixture(true)
                .given(applicationOpened(), infoRequested(null, SUBMITTED)) // a request stored before links existed
                .when(new ProvideInformation(APPLICATION_CASE, "req-1", INVOICE, NOW))
                .expectException(InformationNotExpectedException.class);
    }
}
