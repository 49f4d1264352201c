package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.InvoiceDunningExhausted;
import com.canon.cps.membership.subscription.domain.SuspendForUnpaidInvoice;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An invoice still unpaid after the last dunning step suspends the membership (idempotent per invoice). */
@Component
class WhenInvoiceDunningExhaustedThenSuspendMembership implements EventInbox.Handler<InvoiceDunningExhausted> {

    private final MembershipCommands commands;

    WhenInvoiceDunningExhaustedThenSuspendMembership(MembershipCommands commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<InvoiceDunningExhausted> event) {
        InvoiceDunningExhausted e = event.data();
        commands.sendIfMembershipExists(new SuspendForUnpaidInvoice(e.accountId(), e.invoiceId(), e.number()));
    }
}
