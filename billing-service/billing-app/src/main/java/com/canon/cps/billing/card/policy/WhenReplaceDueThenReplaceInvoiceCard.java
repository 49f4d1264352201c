package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.invoice.domain.ReplaceInvoiceCard;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * An unsettled card invoice of the account gets the account's new card (the invoice decides whether it still
 * applies).
 */
@Component
class WhenReplaceDueThenReplaceInvoiceCard {

    private final CommandGateway commands;

    WhenReplaceDueThenReplaceInvoiceCard(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(CardDeadlines.REPLACE_CARD, CardDeadlines.ReplaceDue.class, this::on);
    }

    void on(CardDeadlines.ReplaceDue due) {
        commands.sendAndWait(new ReplaceInvoiceCard(due.invoiceId(), due.requestId(), due.cardToken()));
    }
}
