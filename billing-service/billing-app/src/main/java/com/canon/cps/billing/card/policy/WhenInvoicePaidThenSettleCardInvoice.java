package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.store.CardInvoices;
import com.canon.cps.billing.invoice.domain.InvoicePaid;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A paid invoice is settled: a later card change no longer replaces its card. Runs in the transaction of the event (subscribing processor).
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenInvoicePaidThenSettleCardInvoice {

    private final CardInvoices invoices;

    WhenInvoicePaidThenSettleCardInvoice(CardInvoices invoices) {
        this.invoices = invoices;
    }

    @EventHandler
    void on(InvoicePaid e) {
        invoices.settled(e.invoiceId());
    }
}
