package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.ContactEmailChanged;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The new contact e-mail was confirmed: the recipient directory follows and the previous address is told. */
@Component
class WhenContactEmailChangedThenTellPreviousAddress implements EventInbox.Handler<ContactEmailChanged> {

    private final Notifications notifications;

    WhenContactEmailChangedThenTellPreviousAddress(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<ContactEmailChanged> event) {
        ContactEmailChanged c = event.data();
        notifications.recipientEmailChanged(c.accountId(), c.contactEmail());
        notifications.mailTo(
                event.id(), "contact-email-changed", c.accountId(), c.previousContactEmail(), false, c.contactEmail());
    }
}
