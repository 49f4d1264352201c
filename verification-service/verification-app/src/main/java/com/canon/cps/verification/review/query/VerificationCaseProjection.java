package com.canon.cps.verification.review.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.CaseKind;
import com.canon.cps.verification.review.domain.CaseQueuedForReview;
import com.canon.cps.verification.review.domain.CaseStatus;
import com.canon.cps.verification.review.domain.ChangeCaseOpened;
import com.canon.cps.verification.review.domain.CompanyChangeApproved;
import com.canon.cps.verification.review.domain.CompanyChangeRejected;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.InformationProvided;
import com.canon.cps.verification.review.domain.RegistryCheckStatus;
import com.canon.cps.verification.review.domain.RegistryCheckUnavailable;
import com.canon.cps.verification.review.domain.VatIdConfirmed;
import com.canon.cps.verification.review.domain.VatIdReportedInvalid;
import com.canon.cps.verification.review.domain.VerificationCaseErased;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.domain.VerificationSlaBreached;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The operators' view of each case: one document per case, every write guarded by the event's sequence number. */
@Component
@ProcessingGroup("verification-cases")
@Projection(VerificationCaseView.class)
class VerificationCaseProjection {

    private final ProjectionWriter writer;
    private final ErasedCaseViews erasedViews;

    VerificationCaseProjection(ProjectionWriter writer, ErasedCaseViews erasedViews) {
        this.writer = writer;
        this.erasedViews = erasedViews;
    }

    @EventHandler
    void on(VerificationCaseOpened e, @SequenceNumber long sequence) {
        boolean check = e.registryCheckRequired();
        Update update = new Update()
                .set("kind", CaseKind.APPLICATION.name())
                .set("accountId", e.accountId())
                .set("companyName", e.companyName())
                .set("country", e.country())
                .set("vatLiable", e.vatLiable())
                .set("vatId", e.vatId())
                .set(
                        "registryCheck",
                        registryCheck(
                                check ? RegistryCheckStatus.UNAVAILABLE : RegistryCheckStatus.NOT_APPLICABLE,
                                null,
                                null,
                                null,
                                null,
                                null))
                .set(
                        "documents",
                        e.documents().stream()
                                .map(d -> new VerificationCaseView.DocumentRef(d.documentId(), d.type(), d.missing()))
                                .toList())
                .set("submittedAt", e.submittedAt())
                .set("deadline", e.deadline())
                .set("status", (check ? CaseStatus.OPEN : CaseStatus.IN_REVIEW).name())
                .set("slaBreached", false);
        write(e.caseId(), sequence, update);
    }

    @EventHandler
    void on(ChangeCaseOpened e, @SequenceNumber long sequence) {
        boolean check = e.registryCheckRequired();
        Update update = new Update()
                .set("kind", CaseKind.CHANGE.name())
                .set("changeId", e.changeId())
                .set("accountId", e.accountId())
                .set("companyName", e.companyName())
                .set("previousCompanyName", e.previousCompanyName())
                .set("country", e.country())
                .set("vatLiable", e.vatId() != null || e.previousVatId() != null)
                .set("vatId", e.vatId())
                .set("previousVatId", e.previousVatId())
                .set(
                        "registryCheck",
                        registryCheck(
                                check ? RegistryCheckStatus.UNAVAILABLE : RegistryCheckStatus.NOT_APPLICABLE,
                                null,
                                null,
                                null,
                                null,
                                null))
                .set("documents", List.of())
                .set("submittedAt", e.submittedAt())
                .set("deadline", e.deadline())
                .set("status", (check ? CaseStatus.OPEN : CaseStatus.IN_REVIEW).name())
                .set("slaBreached", false);
        write(e.caseId(), sequence, update);
    }

    @EventHandler
    void on(CompanyChangeApproved e, @SequenceNumber long sequence) {
        decided(
                e.caseId(),
                sequence,
                CaseStatus.APPROVED,
                new VerificationCaseView.Decision("APPROVED", e.method().name(), null, e.decidedBy(), e.approvedAt()));
    }

    @EventHandler
    void on(CompanyChangeRejected e, @SequenceNumber long sequence) {
        decided(
                e.caseId(),
                sequence,
                CaseStatus.REJECTED,
                new VerificationCaseView.Decision("REJECTED", null, e.reason(), e.decidedBy(), e.rejectedAt()));
    }

    /** The answer adds its document to the case's evidence and puts the case back in the queue. */
    @EventHandler
    void on(InformationProvided e, @SequenceNumber long sequence) {
        EvidenceDocument d = e.document();
        write(
                e.caseId(),
                sequence,
                new Update()
                        .set("status", CaseStatus.IN_REVIEW.name())
                        .set("informationProvidedAt", e.providedAt())
                        .push(
                                "documents",
                                new VerificationCaseView.DocumentRef(d.documentId(), d.type(), d.missing())));
    }

    @EventHandler
    void on(VatIdConfirmed e, @SequenceNumber long sequence) {
        write(
                e.caseId(),
                sequence,
                new Update()
                        .set(
                                "registryCheck",
                                registryCheck(
                                        RegistryCheckStatus.VALID,
                                        e.evidence().consultationNumber(),
                                        e.evidence().checkedAt(),
                                        e.evidence().registry(),
                                        null,
                                        null)));
    }

    @EventHandler
    void on(VatIdReportedInvalid e, @SequenceNumber long sequence) {
        write(
                e.caseId(),
                sequence,
                new Update()
                        .set(
                                "registryCheck",
                                registryCheck(
                                        RegistryCheckStatus.INVALID, null, e.checkedAt(), e.registry(), null, null)));
    }

    @EventHandler
    void on(RegistryCheckUnavailable e, @SequenceNumber long sequence) {
        write(
                e.caseId(),
                sequence,
                new Update()
                        .set(
                                "registryCheck",
                                registryCheck(
                                        RegistryCheckStatus.UNAVAILABLE,
                                        null,
                                        e.checkedAt(),
                                        e.registry(),
                                        e.fault(),
                                        e.nextCheckAt())));
    }

    @EventHandler
    void on(CaseQueuedForReview e, @SequenceNumber long sequence) {
        write(e.caseId(), sequence, new Update().set("status", CaseStatus.IN_REVIEW.name()));
    }

    @EventHandler
    void on(AccountVerified e, @SequenceNumber long sequence) {
        decided(
                e.caseId(),
                sequence,
                CaseStatus.APPROVED,
                new VerificationCaseView.Decision("APPROVED", e.method().name(), null, e.decidedBy(), e.verifiedAt()));
    }

    @EventHandler
    void on(AccountVerificationRejected e, @SequenceNumber long sequence) {
        decided(
                e.caseId(),
                sequence,
                CaseStatus.REJECTED,
                new VerificationCaseView.Decision("REJECTED", null, e.reason(), e.decidedBy(), e.rejectedAt()));
    }

    @EventHandler
    void on(VerificationInfoRequested e, @SequenceNumber long sequence) {
        decided(
                e.caseId(),
                sequence,
                CaseStatus.INFO_REQUESTED,
                new VerificationCaseView.Decision("INFO_REQUESTED", null, e.reason(), e.decidedBy(), e.requestedAt()));
    }

    @EventHandler
    void on(VerificationSlaBreached e, @SequenceNumber long sequence) {
        write(e.caseId(), sequence, new Update().set("slaBreached", true).set("slaBreachedAt", e.breachedAt()));
    }

    /**
     * The account was erased: an undecided case is closed without a decision. The personal values already read
     * {@code "[erased]"} from the event store; the account's documents are anonymised again here in case an event read
     * before the key was destroyed was written after {@link ErasedCaseViews} ran.
     */
    @EventHandler
    void on(VerificationCaseErased e, @SequenceNumber long sequence) {
        Update update = new Update().set("erasedAt", e.erasedAt());
        if (e.withdrawn()) {
            update.set("status", CaseStatus.ERASED.name());
        }
        write(e.caseId(), sequence, update);
        erasedViews.erase(e.accountId());
    }

    private void decided(String caseId, long sequence, CaseStatus status, VerificationCaseView.Decision decision) {
        write(caseId, sequence, new Update().set("status", status.name()).set("decision", decision));
    }

    private static VerificationCaseView.RegistryCheck registryCheck(
            RegistryCheckStatus status,
            String consultationNumber,
            java.time.Instant checkedAt,
            String registry,
            String fault,
            java.time.Instant nextCheckAt) {
        return new VerificationCaseView.RegistryCheck(
                status.name(), consultationNumber, checkedAt, registry, fault, nextCheckAt);
    }

    private void write(String caseId, long sequence, Update update) {
        writer.upsert(VerificationCaseView.COLLECTION, caseId, sequence, update);
    }
}
