package com.canon.cps.verification.review.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.FakeProjectionWriter;
import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.RegistryEvidence;
import com.canon.cps.verification.review.domain.VatIdConfirmed;
import com.canon.cps.verification.review.domain.VerificationCaseErased;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import com.canon.cps.verification.review.domain.VerificationMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' queue projection against a recording writer: what each event sets, without Spring or Mongo. */
class VerificationCaseProjectionTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-04T22:59:59Z");
    private static final Instant LATER = Instant.parse("2026-03-03T10:00:00Z");

    /** Remembers the accounts whose views it was asked to anonymise. */
    static final class RecordingErasure extends ErasedCaseViews {
        final List<String> accounts = new ArrayList<>();

        RecordingErasure() {
            super(null);
        }

        @Override
        public void erase(String accountId) {
            accounts.add(accountId);
        }
    }

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final RecordingErasure erasure = new RecordingErasure();
    private final VerificationCaseProjection projection = new VerificationCaseProjection(writer, erasure);

    private static VerificationCaseOpened opened(boolean vatLiable, String vatId) {
        return new VerificationCaseOpened(
                "case-1",
                "acc-1",
                "Lumen Studio GmbH",
                "DE",
                vatLiable,
                vatId,
                List.of(new EvidenceDocument("doc-1", "VAT_CERTIFICATE"), new EvidenceDocument("doc-2", null)),
                SUBMITTED,
                DEADLINE);
    }

    @Test
    void aVatLiableCase_opensWaitingForTheRegistry_withItsDocuments() {
        projection.on(opened(true, "DE123456789"), 0);

        FakeProjectionWriter.Write write = writer.only();
        assertThat(write.collection()).isEqualTo(VerificationCaseView.COLLECTION);
        assertThat(write.id()).isEqualTo("case-1");
        assertThat(write.version()).isZero();
        assertThat(write.set())
                .containsEntry("kind", "APPLICATION")
                .containsEntry("accountId", "acc-1")
                .containsEntry("companyName", "Lumen Studio GmbH")
                .containsEntry("vatId", "DE123456789")
                .containsEntry("status", "OPEN")
                .containsEntry("slaBreached", false)
                .containsEntry("deadline", DEADLINE)
                .containsEntry(
                        "registryCheck",
                        new VerificationCaseView.RegistryCheck("UNAVAILABLE", null, null, null, null, null))
                .containsEntry(
                        "documents",
                        List.of(
                                new VerificationCaseView.DocumentRef("doc-1", "VAT_CERTIFICATE", false),
                                new VerificationCaseView.DocumentRef("doc-2", null, true)));
    }

    @Test
    void aCaseWithoutVatId_goesStraightToTheOperators() {
        projection.on(opened(false, null), 0);

        assertThat(writer.only().set())
                .containsEntry("status", "IN_REVIEW")
                .containsEntry(
                        "registryCheck",
                        new VerificationCaseView.RegistryCheck("NOT_APPLICABLE", null, null, null, null, null));
    }

    @Test
    void aConfirmedVatId_recordsTheRegistryAnswer_only() {
        projection.on(
                new VatIdConfirmed("case-1", "acc-1", new RegistryEvidence("VIES", "DE123456789", "WAPIAAAA", LATER)),
                1);

        FakeProjectionWriter.Write write = writer.only();
        assertThat(write.version()).isEqualTo(1);
        assertThat(write.set())
                .containsOnlyKeys("registryCheck")
                .containsEntry(
                        "registryCheck",
                        new VerificationCaseView.RegistryCheck("VALID", "WAPIAAAA", LATER, "VIES", null, null));
    }

    @Test
    void anApproval_andARejection_recordTheDecision() {
        projection.on(new AccountVerified("case-1", "acc-1", VerificationMethod.OPERATOR, null, "op-1", LATER), 2);
        projection.on(new AccountVerificationRejected("case-2", "acc-2", "not a business", "op-1", LATER), 2);

        assertThat(writer.writes().get(0).set())
                .containsEntry("status", "APPROVED")
                .containsEntry(
                        "decision", new VerificationCaseView.Decision("APPROVED", "OPERATOR", null, "op-1", LATER));
        assertThat(writer.writes().get(1).set())
                .containsEntry("status", "REJECTED")
                .containsEntry(
                        "decision",
                        new VerificationCaseView.Decision("REJECTED", null, "not a business", "op-1", LATER));
    }

    @Test
    void anErasure_closesAnUndecidedCase_andAnonymisesTheAccountsViewsAgain() {
        projection.on(new VerificationCaseErased("case-1", "acc-1", true, LATER), 3);

        assertThat(writer.only().set()).containsEntry("status", "ERASED").containsEntry("erasedAt", LATER);
        assertThat(erasure.accounts).containsExactly("acc-1");
    }

    @Test
    void anErasureOfADecidedCase_keepsItsStatus() {
        projection.on(new VerificationCaseErased("case-1", "acc-1", false, LATER), 3);

        assertThat(writer.only().set()).containsOnlyKeys("erasedAt");
    }
}
