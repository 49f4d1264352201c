package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.IssueInvoice;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The invoice's issue date has come: it is issued (the invoice issues nothing twice).
 */
@Component
class WhenInvoiceDueThenIssue {

    private final CommandGateway commands;

    WhenInvoiceDueThenIssue(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(BillingDeadlines.ISSUE, BillingDeadlines.InvoiceDue.class, this::on);
    }

    void on(BillingDeadlines.InvoiceDue due) {
        commands.sendAndWait(new IssueInvoice(due.invoiceId()));
    }
}
