package com.canon.cps.verification.review.query;

import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.verification.review.domain.CaseStatus;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup("verification-cases")
class VerificationCaseProjection {

    private final ProjectionWriter writer;

    VerificationCaseProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(VerificationCaseOpened e, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("accountId", e.accountId())
                .set("companyName", e.companyName())
                .set("country", e.country())
                .set("vatLiable", e.vatLiable())
                .set("vatId", e.vatId())
                .set(
                        "registryCheck",
                        new VerificationCaseView.RegistryCheck(
                                e.vatLiable() ? "UNAVAILABLE" : "NOT_APPLICABLE", null, null))
                .set(
                        "documents",
                        e.documentIds().stream()
                                .map(id -> new VerificationCaseView.DocumentRef(id, null))
                                .toList())
                .set("submittedAt", e.submittedAt())
                .set("deadline", e.deadline())
                .set("status", CaseStatus.IN_REVIEW.name());
        writer.upsert(VerificationCaseView.COLLECTION, e.caseId(), sequence, update);
    }
}
