package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.CompanyChangeRejected;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A refused change of company details: the member is told, with the reason. */
@Component
class WhenCompanyChangeRejectedThenTellReason implements EventInbox.Handler<CompanyChangeRejected> {

    private final Notifications notifications;

    WhenCompanyChangeRejectedThenTellReason(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<CompanyChangeRejected> event) {
        notifications.notify(
                event.id(),
                "company-change-rejected",
                event.data().accountId(),
                event.data().companyName(),
                event.data().reason());
    }
}
