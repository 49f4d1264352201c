package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.store.CardInvoices;
import com.canon.cps.billing.invoice.domain.InvoiceOpened;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A card invoice is tracked from its order to its payment or full credit. A renewal invoice opened with a card
 * older than the account's (its order was placed before the change reached membership) gets the new card too; a
 * checkout's card is the member's own newest choice and stays. Runs in the transaction of the event (subscribing processor).
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenInvoiceOpenedThenTrackCardInvoice {

    private final DeadlineScheduler deadlines;
    private final CardInvoices invoices;
    private final Clock clock;

    WhenInvoiceOpenedThenTrackCardInvoice(DeadlineScheduler deadlines, CardInvoices invoices, Clock clock) {
        this.deadlines = deadlines;
        this.invoices = invoices;
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceOpened e) {
        if (e.paymentMethod() != PaymentMethod.CARD) {
            return;
        }
        invoices.opened(e.invoiceId(), e.accountId());
        if (!e.renewal()) {
            return; // a checkout's card is the member's newest choice
        }
        invoices.changedAfter(e.accountId(), e.orderedAt())
                .filter(card -> !card.cardToken().equals(e.cardToken()))
                .ifPresent(card -> CardDeadlines.scheduleReplace(
                        deadlines, clock, e.invoiceId(), card.requestId(), card.cardToken()));
    }
}
