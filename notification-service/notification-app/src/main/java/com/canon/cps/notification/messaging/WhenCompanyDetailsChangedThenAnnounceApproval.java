package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.CompanyDetailsChanged;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An approved change of company details: the recipient directory follows and the member is told (with the VAT id, if any). */
@Component
class WhenCompanyDetailsChangedThenAnnounceApproval implements EventInbox.Handler<CompanyDetailsChanged> {

    private final Notifications notifications;

    WhenCompanyDetailsChangedThenAnnounceApproval(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<CompanyDetailsChanged> event) {
        CompanyDetailsChanged c = event.data();
        notifications.recipientCompanyChanged(c.accountId(), c.companyName());
        notifications.notify(
                event.id(),
                "company-change-approved",
                c.accountId(),
                c.vatId() == null ? "" : Text.of("company-change-approved.vat-id", c.vatId()));
    }
}
