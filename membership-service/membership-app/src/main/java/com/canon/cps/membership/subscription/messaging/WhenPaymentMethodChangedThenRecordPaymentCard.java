package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.PaymentMethodChanged;
import com.canon.cps.membership.subscription.domain.RecordPaymentCard;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A new card billing verified is the one renewals are ordered with (idempotent per change request). */
@Component
class WhenPaymentMethodChangedThenRecordPaymentCard implements EventInbox.Handler<PaymentMethodChanged> {

    private final MembershipCommands commands;

    WhenPaymentMethodChangedThenRecordPaymentCard(MembershipCommands commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<PaymentMethodChanged> event) {
        PaymentMethodChanged e = event.data();
        commands.sendIfMembershipExists(new RecordPaymentCard(e.accountId(), e.requestId(), e.cardTokenReference()));
    }
}
