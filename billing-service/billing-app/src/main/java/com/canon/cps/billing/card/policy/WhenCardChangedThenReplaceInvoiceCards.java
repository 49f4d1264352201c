package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.domain.CardChanged;
import com.canon.cps.billing.card.store.CardInvoices;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.PersonalData;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An approved change is remembered as the account's card ({@link CardInvoices}) and gets a deadline per unsettled
 * card invoice of the account that gives that invoice the new card. Runs in the transaction of the event (subscribing processor).
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenCardChangedThenReplaceInvoiceCards {

    private final DeadlineScheduler deadlines;
    private final CardInvoices invoices;
    private final Clock clock;

    WhenCardChangedThenReplaceInvoiceCards(DeadlineScheduler deadlines, CardInvoices invoices, Clock clock) {
        this.deadlines = deadlines;
        this.invoices = invoices;
        this.clock = clock;
    }

    @EventHandler
    void on(CardChanged e) {
        if (PersonalData.ERASED.equals(e.cardToken())) {
            return; // decided after the account's erasure: nothing is charged to it any more (ADR 24)
        }
        invoices.rememberCard(e.accountId(), e.cardToken(), e.requestId(), e.changedAt());
        for (String invoiceId : invoices.unsettled(e.accountId())) {
            CardDeadlines.scheduleReplace(deadlines, clock, invoiceId, e.requestId(), e.cardToken());
        }
    }
}
