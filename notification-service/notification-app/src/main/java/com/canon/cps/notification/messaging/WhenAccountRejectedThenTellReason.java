package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.AccountRejected;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The application was rejected: the applicant hears the reason (no link). */
@Component
class WhenAccountRejectedThenTellReason implements EventInbox.Handler<AccountRejected> {

    private final Notifications notifications;

    WhenAccountRejectedThenTellReason(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<AccountRejected> event) {
        notifications.notify(
                event.id(),
                "application-rejected",
                event.data().accountId(),
                event.data().reason());
    }
}
