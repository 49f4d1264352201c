package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.PasswordChanged;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The member changed the password: an e-mail says so (no link, no bell entry). */
@Component
class WhenPasswordChangedThenMailNotice implements EventInbox.Handler<PasswordChanged> {

    private final Notifications notifications;

    WhenPasswordChangedThenMailNotice(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent<PasswordChanged> event) {
        notifications.mail(
                event.id(),
                "password-changed",
                event.data().accountId(),
                event.data().changedAt());
    }
}
