package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An application arrived: its applicant becomes a known recipient and hears that it arrived. */
@Component
class WhenAccountApplicationSubmittedThenConfirmReceipt implements EventInbox.Handler<AccountApplicationSubmitted> {

    private final Notifications notifications;

    WhenAccountApplicationSubmittedThenConfirmReceipt(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<AccountApplicationSubmitted> event) {
        AccountApplicationSubmitted a = event.data();
        notifications.rememberRecipient(
                a.accountId(), a.contactEmail(), a.contactName(), a.companyName(), a.language());
        notifications.notify(event.id(), "application-received", a.accountId());
    }
}
