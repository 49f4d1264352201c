package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.AccountDetailsChanged;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** Changed names or language: the recipient directory follows; nothing is sent. */
@Component
class WhenAccountDetailsChangedThenUpdateRecipient implements EventInbox.Handler<AccountDetailsChanged> {

    private final Notifications notifications;

    WhenAccountDetailsChangedThenUpdateRecipient(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<AccountDetailsChanged> event) {
        notifications.recipientDetailsChanged(
                event.data().accountId(),
                event.data().contactName(),
                event.data().language());
    }
}
