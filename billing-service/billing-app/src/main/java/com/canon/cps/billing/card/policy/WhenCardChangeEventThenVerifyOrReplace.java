package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.CardInvoices;
import com.canon.cps.billing.card.domain.CardChangeRequested;
import com.canon.cps.billing.card.domain.CardChanged;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceOpened;
import com.canon.cps.billing.invoice.domain.InvoicePaid;
import com.canon.cps.billing.invoice.domain.InvoiceStatus;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.PersonalData;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Runs in the transaction of the event (subscribing processor): a requested change gets its verification deadline
 * (at once); an approved change is remembered as the account's card ({@link CardInvoices}) and gets a deadline per
 * unsettled card invoice of the account that gives that invoice the new card. Card invoices are tracked from their
 * order to their payment or full credit. A renewal invoice opened with a card older than the account's (its order was
 * placed before the change reached membership) gets the new card too; a checkout's card is the member's own newest
 * choice and stays.
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenCardChangeEventThenVerifyOrReplace {

    private final DeadlineScheduler deadlines;
    private final CardInvoices invoices;
    private final Clock clock;

    WhenCardChangeEventThenVerifyOrReplace(DeadlineScheduler deadlines, CardInvoices invoices, Clock clock) {
        this.deadlines = deadlines;
        this.invoices = invoices;
        this.clock = clock;
    }

    @EventHandler
    void on(CardChangeRequested e) {
        deadlines.schedule(
                CardDeadlines.VERIFY_CHANGE + ":" + e.requestId(),
                CardDeadlines.VERIFY_CHANGE,
                e.requestedAt(),
                new CardDeadlines.VerifyDue(e.accountId(), e.requestId(), e.cardToken(), e.currency()));
    }

    @EventHandler
    void on(CardChanged e) {
        if (PersonalData.ERASED.equals(e.cardToken())) {
            return; // decided after the account's erasure: nothing is charged to it any more (ADR 24)
        }
        invoices.rememberCard(e.accountId(), e.cardToken(), e.requestId(), e.changedAt());
        for (String invoiceId : invoices.unsettled(e.accountId())) {
            replace(invoiceId, e.requestId(), e.cardToken());
        }
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
                .ifPresent(card -> replace(e.invoiceId(), card.requestId(), card.cardToken()));
    }

    @EventHandler
    void on(InvoicePaid e) {
        invoices.settled(e.invoiceId());
    }

    @EventHandler
    void on(CreditNoteIssued e) {
        if (e.invoiceStatus() == InvoiceStatus.CREDITED) {
            invoices.settled(e.invoiceId());
        }
    }

    private void replace(String invoiceId, String requestId, String cardToken) {
        deadlines.schedule(
                CardDeadlines.REPLACE_CARD + ":" + invoiceId + ":" + requestId,
                CardDeadlines.REPLACE_CARD,
                clock.instant(),
                new CardDeadlines.ReplaceDue(invoiceId, requestId, cardToken));
    }
}
