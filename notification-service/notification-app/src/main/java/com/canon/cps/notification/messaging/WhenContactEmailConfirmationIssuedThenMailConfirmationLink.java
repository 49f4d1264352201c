package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.ContactEmailConfirmationIssuedV2;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.notification.SealKeys;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A new contact e-mail gets its confirmation link, at the new address. */
@Component
class WhenContactEmailConfirmationIssuedThenMailConfirmationLink
        implements EventInbox.Handler<ContactEmailConfirmationIssuedV2> {

    private final Notifications notifications;
    private final PortalLinks links;
    private final SealKeys keys;

    WhenContactEmailConfirmationIssuedThenMailConfirmationLink(
            Notifications notifications, PortalLinks links, SealKeys keys) {
        this.notifications = notifications;
        this.links = links;
        this.keys = keys;
    }

    @Override
    public void handle(InboundEvent<ContactEmailConfirmationIssuedV2> event) {
        ContactEmailConfirmationIssuedV2 c = event.data();
        notifications.mailTo(
                event.id(),
                "contact-email-confirmation",
                c.accountId(),
                c.newContactEmail(),
                true,
                links.confirmEmail(keys.fromAccount(event, c.sealedToken())),
                c.expiresAt());
    }
}
