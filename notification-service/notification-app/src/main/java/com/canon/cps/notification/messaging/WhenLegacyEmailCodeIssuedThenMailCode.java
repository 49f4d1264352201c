package com.canon.cps.notification.messaging;

import com.canon.cps.account.contract.LegacyEmailCodeIssuedV2;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.SealKeys;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The code that proves the old CPS e-mail goes to that old address. */
@Component
class WhenLegacyEmailCodeIssuedThenMailCode implements EventInbox.Handler<LegacyEmailCodeIssuedV2> {

    private final Notifications notifications;
    private final SealKeys keys;

    WhenLegacyEmailCodeIssuedThenMailCode(Notifications notifications, SealKeys keys) {
        this.notifications = notifications;
        this.keys = keys;
    }

    @Override
    public void handle(InboundEvent<LegacyEmailCodeIssuedV2> event) {
        LegacyEmailCodeIssuedV2 c = event.data();
        notifications.mailTo(
                event.id(),
                "legacy-email-code",
                c.accountId(),
                c.legacyCpsEmail(),
                true,
                keys.fromAccount(event, c.sealedCode()),
                c.expiresAt());
    }
}
