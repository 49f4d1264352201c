package com.canon.cps.account.application.query;

import com.canon.cps.account.application.domain.AccountActivated;
import com.canon.cps.account.application.domain.AccountApplicationSubmitted;
import com.canon.cps.account.application.domain.AccountInfoRequested;
import com.canon.cps.account.application.domain.AccountOpened;
import com.canon.cps.account.application.domain.AccountRejected;
import com.canon.cps.account.application.domain.AccountStatus;
import com.canon.cps.account.application.domain.PostalAddress;
import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The member's own account data, one document per account, kept apart from the public application status: that one
 * is readable by anyone who knows an account id, this one only through the member's token.
 */
@Component
@ProcessingGroup("member-accounts")
@Projection(MemberAccountView.class)
class MemberAccountProjection {

    private final ProjectionWriter writer;

    MemberAccountProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AccountApplicationSubmitted e, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("companyName", e.companyName())
                .set("address", address(e.address()))
                .set("contactName", e.contactName())
                .set("contactEmail", e.contactEmail())
                .set("language", e.language())
                .set("vatLiable", e.vatLiable())
                .set("vatId", e.vatId())
                .set("status", AccountStatus.PENDING_VERIFICATION.name())
                .set("legacyCpsEmailProvided", e.legacyCpsEmail() != null);
        writer.upsert(MemberAccountView.COLLECTION, e.accountId(), sequence, update);
    }

    @EventHandler
    void on(AccountInfoRequested e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.INFO_REQUESTED);
    }

    @EventHandler
    void on(AccountOpened e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.VERIFIED);
    }

    @EventHandler
    void on(AccountRejected e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.REJECTED);
    }

    @EventHandler
    void on(AccountActivated e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.ACTIVE);
    }

    private void status(String accountId, long sequence, AccountStatus status) {
        writer.upsert(MemberAccountView.COLLECTION, accountId, sequence, Update.update("status", status.name()));
    }

    private static Document address(PostalAddress a) {
        return new Document("line1", a.line1())
                .append("postalCode", a.postalCode())
                .append("city", a.city())
                .append("country", a.country());
    }
}
