package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.PasswordResetIssuedV2;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.notification.SealKeys;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A member who forgot the password gets the reset link, by e-mail only (no bell entry). */
@Component
class WhenPasswordResetIssuedThenMailResetLink implements EventInbox.Handler<PasswordResetIssuedV2> {

    private final Notifications notifications;
    private final PortalLinks links;
    private final SealKeys keys;

    WhenPasswordResetIssuedThenMailResetLink(Notifications notifications, PortalLinks links, SealKeys keys) {
        this.notifications = notifications;
        this.links = links;
        this.keys = keys;
    }

    @Override
    public void handle(InboundEvent<PasswordResetIssuedV2> event) {
        PasswordResetIssuedV2 p = event.data();
        notifications.mailWithSecret(
                event.id(),
                "password-reset",
                p.accountId(),
                links.resetPassword(keys.fromAccount(event, p.sealedToken())),
                p.expiresAt());
    }
}
