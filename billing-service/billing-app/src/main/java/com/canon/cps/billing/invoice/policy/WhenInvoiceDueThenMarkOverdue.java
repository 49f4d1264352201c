package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.MarkOverdue;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The day after the due date has come: an invoice still unpaid is overdue (the invoice decides).
 */
@Component
class WhenInvoiceDueThenMarkOverdue {

    private final CommandGateway commands;

    WhenInvoiceDueThenMarkOverdue(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(BillingDeadlines.OVERDUE, BillingDeadlines.InvoiceDue.class, this::on);
    }

    void on(BillingDeadlines.InvoiceDue due) {
        commands.sendAndWait(new MarkOverdue(due.invoiceId()));
    }
}
