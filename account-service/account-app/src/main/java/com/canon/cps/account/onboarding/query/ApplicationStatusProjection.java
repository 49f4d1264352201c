package com.canon.cps.account.onboarding.query;

import com.canon.cps.account.onboarding.domain.AccountActivated;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.account.onboarding.domain.AccountInfoProvided;
import com.canon.cps.account.onboarding.domain.AccountInfoRequested;
import com.canon.cps.account.onboarding.domain.AccountOpened;
import com.canon.cps.account.onboarding.domain.AccountRejected;
import com.canon.cps.account.onboarding.domain.AccountStatus;
import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The applicant-facing status of each application. */
@Component
@ProcessingGroup("account-applications")
@Projection(ApplicationStatusView.class)
class ApplicationStatusProjection {

    private final ProjectionWriter writer;

    ApplicationStatusProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AccountApplicationSubmitted event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.PENDING_VERIFICATION);
    }

    @EventHandler
    void on(AccountInfoRequested event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.INFO_REQUESTED);
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.VERIFIED);
    }

    @EventHandler
    void on(AccountRejected event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.REJECTED);
    }

    @EventHandler
    void on(AccountInfoProvided event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.PENDING_VERIFICATION);
    }

    @EventHandler
    void on(AccountActivated event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.ACTIVE);
    }

    /** The status only: the document holds no personal data, and the applicant's link tells what became of it. */
    @EventHandler
    void on(AccountErased event, @SequenceNumber long sequence) {
        status(event.accountId(), sequence, AccountStatus.ERASED);
    }

    private void status(String accountId, long sequence, AccountStatus status) {
        writer.upsert(ApplicationStatusView.COLLECTION, accountId, sequence, Update.update("status", status.name()));
    }
}
