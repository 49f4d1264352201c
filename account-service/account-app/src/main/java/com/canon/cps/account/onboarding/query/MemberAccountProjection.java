package com.canon.cps.account.onboarding.query;

import com.canon.cps.account.onboarding.domain.AccountActivated;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.account.onboarding.domain.AccountDetailsChanged;
import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.account.onboarding.domain.AccountInfoProvided;
import com.canon.cps.account.onboarding.domain.AccountInfoRequested;
import com.canon.cps.account.onboarding.domain.AccountOpened;
import com.canon.cps.account.onboarding.domain.AccountRejected;
import com.canon.cps.account.onboarding.domain.AccountStatus;
import com.canon.cps.account.onboarding.domain.CompanyChangeRejected;
import com.canon.cps.account.onboarding.domain.CompanyChangeRequested;
import com.canon.cps.account.onboarding.domain.CompanyDetailsChanged;
import com.canon.cps.account.onboarding.domain.ContactEmailChangeRequested;
import com.canon.cps.account.onboarding.domain.ContactEmailChanged;
import com.canon.cps.account.onboarding.domain.LegacyCpsEmailGiven;
import com.canon.cps.account.onboarding.domain.LegacyEmailConfirmed;
import com.canon.cps.account.onboarding.domain.PostalAddress;
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
 * is readable by anyone who knows an account id, this one only through the member's token. Follows the member's own
 * changes: details at once, a new contact e-mail pending until confirmed, a company change pending until verified.
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
                .set("legacyCpsEmailProvided", e.legacyCpsEmail() != null)
                .set("legacyCpsEmailConfirmed", false);
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

    @EventHandler
    void on(AccountInfoProvided e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.PENDING_VERIFICATION);
    }

    @EventHandler
    void on(AccountDetailsChanged e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("contactName", e.contactName())
                        .set("language", e.language())
                        .set("address", address(e.address())));
    }

    @EventHandler
    void on(ContactEmailChangeRequested e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, Update.update("pendingContactEmail", e.newContactEmail()));
    }

    @EventHandler
    void on(ContactEmailChanged e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                Update.update("contactEmail", e.contactEmail()).unset("pendingContactEmail"));
    }

    @EventHandler
    void on(CompanyChangeRequested e, @SequenceNumber long sequence) {
        Document change = new Document("changeId", e.changeId())
                .append("companyName", e.companyName())
                .append("vatId", e.vatId())
                .append("requestedAt", e.requestedAt());
        write(e.accountId(), sequence, Update.update("pendingCompanyChange", change));
    }

    @EventHandler
    void on(CompanyDetailsChanged e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                Update.update("companyName", e.companyName())
                        .set("vatId", e.vatId())
                        .unset("pendingCompanyChange"));
    }

    @EventHandler
    void on(CompanyChangeRejected e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().unset("pendingCompanyChange"));
    }

    @EventHandler
    void on(LegacyCpsEmailGiven e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                Update.update("legacyCpsEmailProvided", true).set("legacyCpsEmailConfirmed", false));
    }

    @EventHandler
    void on(LegacyEmailConfirmed e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, Update.update("legacyCpsEmailConfirmed", true));
    }

    /**
     * Keeps only the id and the status: every personal value goes (a rebuild after the erasure sees "[erased]" in the
     * earlier events, and this removes even that).
     */
    @EventHandler
    void on(AccountErased e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                Update.update("status", AccountStatus.ERASED.name())
                        .unset("companyName")
                        .unset("address")
                        .unset("contactName")
                        .unset("contactEmail")
                        .unset("language")
                        .unset("vatId")
                        .unset("legacyCpsEmailConfirmed")
                        .unset("pendingContactEmail")
                        .unset("pendingCompanyChange"));
    }

    private void status(String accountId, long sequence, AccountStatus status) {
        write(accountId, sequence, Update.update("status", status.name()));
    }

    private void write(String accountId, long sequence, Update update) {
        writer.upsert(MemberAccountView.COLLECTION, accountId, sequence, update);
    }

    private static Document address(PostalAddress a) {
        return new Document("line1", a.line1())
                .append("postalCode", a.postalCode())
                .append("city", a.city())
                .append("country", a.country());
    }
}
