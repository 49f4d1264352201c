package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.PasswordSetupIssuedV2;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.notification.SealKeys;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The application was approved: the approval e-mail is the one that carries the password-setup link (AccountOpened itself needs no notification). */
@Component
class WhenPasswordSetupIssuedThenAnnounceApproval implements EventInbox.Handler<PasswordSetupIssuedV2> {

    private final Notifications notifications;
    private final PortalLinks links;
    private final SealKeys keys;

    WhenPasswordSetupIssuedThenAnnounceApproval(Notifications notifications, PortalLinks links, SealKeys keys) {
        this.notifications = notifications;
        this.links = links;
        this.keys = keys;
    }

    @Override
    public void handle(InboundEvent<PasswordSetupIssuedV2> event) {
        PasswordSetupIssuedV2 p = event.data();
        notifications.notifyWithSecret(
                event.id(),
                "account-approved",
                p.accountId(),
                links.setPassword(keys.fromAccount(event, p.sealedToken())),
                p.expiresAt());
    }
}
