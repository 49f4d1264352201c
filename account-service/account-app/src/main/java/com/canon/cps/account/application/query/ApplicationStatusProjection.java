package com.canon.cps.account.application.query;

import com.canon.cps.account.application.domain.AccountApplicationSubmitted;
import com.canon.cps.account.application.domain.AccountStatus;
import com.canon.cps.platform.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The applicant-facing status of each application. */
@Component
@ProcessingGroup("account-applications")
class ApplicationStatusProjection {

    private final ProjectionWriter writer;

    ApplicationStatusProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AccountApplicationSubmitted event, @SequenceNumber long sequence) {
        writer.upsert(
                ApplicationStatusView.COLLECTION,
                event.accountId(),
                sequence,
                Update.update("status", AccountStatus.PENDING_VERIFICATION.name()));
    }
}
