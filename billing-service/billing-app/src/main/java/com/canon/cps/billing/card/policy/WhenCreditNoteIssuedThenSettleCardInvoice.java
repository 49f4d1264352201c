package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.store.CardInvoices;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An invoice credited in full is settled: a later card change no longer replaces its card. Runs in the transaction of the event (subscribing processor).
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenCreditNoteIssuedThenSettleCardInvoice {

    private final CardInvoices invoices;

    WhenCreditNoteIssuedThenSettleCardInvoice(CardInvoices invoices) {
        this.invoices = invoices;
    }

    @EventHandler
    void on(CreditNoteIssued e) {
        if (e.invoiceStatus() == InvoiceStatus.CREDITED) {
            invoices.settled(e.invoiceId());
        }
    }
}
