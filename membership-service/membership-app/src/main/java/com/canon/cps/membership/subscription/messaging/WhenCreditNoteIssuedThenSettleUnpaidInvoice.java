package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.membership.subscription.domain.SettleUnpaidInvoice;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An invoice credited in full no longer suspends the membership; a partial credit changes nothing. */
@Component
class WhenCreditNoteIssuedThenSettleUnpaidInvoice implements EventInbox.Handler<CreditNoteIssued> {

    static final String INVOICE_CREDITED = "INVOICE_CREDITED";
    private static final String CREDITED = "CREDITED";

    private final MembershipCommands commands;

    WhenCreditNoteIssuedThenSettleUnpaidInvoice(MembershipCommands commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<CreditNoteIssued> event) {
        CreditNoteIssued e = event.data();
        if (CREDITED.equals(e.invoiceStatus())) {
            commands.sendIfMembershipExists(new SettleUnpaidInvoice(e.accountId(), e.invoiceId(), INVOICE_CREDITED));
        }
    }
}
