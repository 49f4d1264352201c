package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.MarkDunningExhausted;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The last dunning step has come: an invoice still unpaid is reported unpaid after dunning, once.
 */
@Component
class WhenInvoiceDueThenEndDunning {

    private final CommandGateway commands;

    WhenInvoiceDueThenEndDunning(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(BillingDeadlines.DUNNING_END, BillingDeadlines.InvoiceDue.class, this::on);
    }

    void on(BillingDeadlines.InvoiceDue due) {
        commands.sendAndWait(new MarkDunningExhausted(due.invoiceId()));
    }
}
