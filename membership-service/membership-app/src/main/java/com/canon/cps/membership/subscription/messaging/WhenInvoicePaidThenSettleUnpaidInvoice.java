package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.membership.subscription.domain.SettleUnpaidInvoice;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A paid invoice no longer suspends the membership (idempotent per invoice). */
@Component
class WhenInvoicePaidThenSettleUnpaidInvoice implements EventInbox.Handler<InvoicePaid> {

    static final String INVOICE_PAID = "INVOICE_PAID";

    private final MembershipCommands commands;

    WhenInvoicePaidThenSettleUnpaidInvoice(MembershipCommands commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<InvoicePaid> event) {
        InvoicePaid e = event.data();
        commands.sendIfMembershipExists(new SettleUnpaidInvoice(e.accountId(), e.invoiceId(), INVOICE_PAID));
    }
}
