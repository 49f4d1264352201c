package com.canon.cps.verification.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.verification.config.VerificationSettings;
import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.CaseQueuedForReview;
import com.canon.cps.verification.review.domain.CompanyChangeApproved;
import com.canon.cps.verification.review.domain.CompanyChangeRejected;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.InformationProvided;
import com.canon.cps.verification.review.domain.RegistryEvidence;
import com.canon.cps.verification.review.domain.VatIdConfirmed;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.domain.VerificationMethod;
import com.canon.cps.verification.review.domain.VerificationSlaBreached;
import com.canon.cps.verification.review.store.InformationTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal events → published contract, checked against golden JSON payloads of each {@code .v1} type: what
 * downstream consumers are written against. No operator identity and no internal state leaves the service.
 */
class VerificationEventsPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");
    private static final RegistryEvidence EVIDENCE =
            new RegistryEvidence("HMRC", "GB980780684", "Ab1-cD2-eF3", Instant.parse("2026-03-02T09:00:02Z"));

    @Test
    void accountVerifiedByPolicy_carriesTheMethodAndTheRegistryEvidence() {
        assertPublished(
                new AccountVerified("case-1", "acc-1", VerificationMethod.REGISTRY_POLICY, EVIDENCE, null, AT),
                "cps.verification.AccountVerified.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","method":"REGISTRY_POLICY",
                 "registryEvidence":{"registry":"HMRC","vatId":"GB980780684","consultationNumber":"Ab1-cD2-eF3",
                                     "checkedAt":"2026-03-02T09:00:02Z"},
                 "verifiedAt":"2026-03-02T09:15:00Z"}""");
    }

    @Test
    void accountVerifiedByAnOperator_withoutRegistryEvidence() {
        assertPublished(
                new AccountVerified("case-1", "acc-1", VerificationMethod.OPERATOR, null, "operator:ops@cps.local", AT),
                "cps.verification.AccountVerified.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","method":"OPERATOR","registryEvidence":null,
                 "verifiedAt":"2026-03-02T09:15:00Z"}""");
    }

    @Test
    void rejection_carriesTheReason() {
        assertPublished(
                new AccountVerificationRejected("case-1", "acc-1", "Documents unreadable", "operator:x", AT),
                "cps.verification.AccountVerificationRejected.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","reason":"Documents unreadable",
                 "rejectedAt":"2026-03-02T09:15:00Z"}""");
    }

    @Test
    void infoRequest_carriesTheReason() {
        assertPublished(
                new VerificationInfoRequested("case-1", "acc-1", "Send a recent invoice", "operator:x", AT, null, null),
                "cps.verification.VerificationInfoRequested.v2",
                """
                {"accountId":"acc-1","caseId":"case-1","reason":"Send a recent invoice",
                 "requestedAt":"2026-03-02T09:15:00Z","sealedToken":null,"tokenExpiresAt":null}""");
    }

    @Test
    void slaBreach_carriesTheDeadline() {
        assertPublished(
                new VerificationSlaBreached("case-1", "acc-1", Instant.parse("2026-03-04T23:59:59.999999999Z"), AT),
                "cps.verification.VerificationSlaBreached.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","deadline":"2026-03-04T23:59:59.999999999Z",
                 "breachedAt":"2026-03-02T09:15:00Z"}""");
    }

    @Test
    void infoRequestWithALink_carriesItsDerivedTokenSealedForItsEvent_andTheChangeAndAnswerEventsAreMapped() {
        InformationTokens tokens = new InformationTokens(
                new VerificationSettings(
                        2,
                        java.time.LocalTime.of(17, 0),
                        true,
                        java.time.Duration.ofDays(14),
                        "a-test-key-of-at-least-thirty-two-characters"),
                null);
        Instant expires = Instant.parse("2026-03-16T09:15:00Z");
        SealedSecrets notificationKey = SealedSecrets.fromSetting("test", SealedSecrets.generateKey());
        String eventId = java.util.UUID.randomUUID().toString();
        OutboundEvent requested = VerificationEventsPublisher.toContract(
                        new VerificationInfoRequested(
                                "case-1", "acc-1", "Invoice?", "operator:x", AT, "req-1", expires),
                        eventId,
                        tokens,
                        notificationKey)
                .orElseThrow();
        var contract = (com.canon.cps.verification.contract.VerificationInfoRequestedV2) requested.data();
        String token = tokens.tokenFor("case-1", "req-1");
        assertThat(contract.sealedToken()).startsWith("s1.").doesNotContain(token);
        assertThat(notificationKey.open(contract.sealedToken(), SealedSecrets.eventContext(requested.type(), eventId)))
                .isEqualTo(token)
                .matches("[A-Za-z0-9_-]{43}");
        assertThat(contract.tokenExpiresAt()).isEqualTo(expires);

        assertPublished(
                new CompanyChangeApproved(
                        "case-1",
                        "acc-1",
                        "chg-1",
                        "Lumen Group Ltd",
                        "GB980780684",
                        VerificationMethod.REGISTRY_POLICY,
                        EVIDENCE,
                        null,
                        AT),
                "cps.verification.CompanyChangeApproved.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","changeId":"chg-1","companyName":"Lumen Group Ltd",
                 "vatId":"GB980780684","method":"REGISTRY_POLICY",
                 "registryEvidence":{"registry":"HMRC","vatId":"GB980780684","consultationNumber":"Ab1-cD2-eF3",
                                     "checkedAt":"2026-03-02T09:00:02Z"},
                 "approvedAt":"2026-03-02T09:15:00Z"}""");
        assertPublished(
                new CompanyChangeRejected("case-1", "acc-1", "chg-1", "Not your company", "operator:x", AT),
                "cps.verification.CompanyChangeRejected.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","changeId":"chg-1","reason":"Not your company",
                 "rejectedAt":"2026-03-02T09:15:00Z"}""");
        assertPublished(
                new InformationProvided(
                        "case-1", "acc-1", "req-1", new EvidenceDocument("doc-9", "COMMERCIAL_INVOICE"), AT),
                "cps.verification.VerificationInfoProvided.v1",
                """
                {"accountId":"acc-1","caseId":"case-1","documentId":"doc-9","providedAt":"2026-03-02T09:15:00Z"}""");
    }

    @Test
    void internalSteps_areNotPublished() {
        assertThat(VerificationEventsPublisher.toContract(new VatIdConfirmed("case-1", "acc-1", EVIDENCE)))
                .isEmpty();
        assertThat(VerificationEventsPublisher.toContract(new CaseQueuedForReview("case-1", "acc-1")))
                .isEmpty();
    }

    private static void assertPublished(Object internal, String type, String golden) {
        OutboundEvent out = VerificationEventsPublisher.toContract(internal).orElseThrow();
        assertThat(out.type()).isEqualTo(type);
        assertThat(out.subject()).as("key and subject: the account id").isEqualTo("acc-1");
        assertThat(JSON.readTree(JSON.writeValueAsString(out.data()))).isEqualTo(JSON.readTree(golden));
    }
}
