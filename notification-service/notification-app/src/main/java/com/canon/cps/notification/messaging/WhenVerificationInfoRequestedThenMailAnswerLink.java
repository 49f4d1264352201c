package com.canon.cps.notification.messaging;

import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.notification.SealKeys;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import org.springframework.stereotype.Component;

/** An applicant asked for more information gets the operator's message and the single-use link to answer with a document; a request published before links existed (no token) gets the message without a link. */
@Component
class WhenVerificationInfoRequestedThenMailAnswerLink implements EventInbox.Handler<VerificationInfoRequestedV2> {

    private static final String INFO_REQUESTED = "information-requested";

    private final Notifications notifications;
    private final PortalLinks links;
    private final SealKeys keys;

    WhenVerificationInfoRequestedThenMailAnswerLink(Notifications notifications, PortalLinks links, SealKeys keys) {
        this.notifications = notifications;
        this.links = links;
        this.keys = keys;
    }

    @Override
    public void handle(InboundEvent<VerificationInfoRequestedV2> event) {
        VerificationInfoRequestedV2 r = event.data();
        if (r.sealedToken() == null) {
            notifications.notify(event.id(), INFO_REQUESTED, r.accountId(), r.reason());
        } else {
            notifications.notifyInWordsWithSecret(
                    event.id(),
                    INFO_REQUESTED,
                    "information-requested-link",
                    r.accountId(),
                    r.reason(),
                    links.answerInformation(keys.fromVerification(event, r.sealedToken())),
                    r.tokenExpiresAt());
        }
    }
}
