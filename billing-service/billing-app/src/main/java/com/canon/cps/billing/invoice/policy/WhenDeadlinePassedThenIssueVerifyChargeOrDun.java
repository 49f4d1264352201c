package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.ChargeRequest;
import com.canon.cps.billing.invoice.domain.IssueInvoice;
import com.canon.cps.billing.invoice.domain.MarkDunningExhausted;
import com.canon.cps.billing.invoice.domain.MarkOverdue;
import com.canon.cps.billing.invoice.domain.PrepareCharge;
import com.canon.cps.billing.invoice.domain.RecordCardVerification;
import com.canon.cps.billing.invoice.domain.RecordCharge;
import com.canon.cps.billing.invoice.domain.RecordRefund;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A billing deadline has come: issue, verify the card, charge, mark overdue, end the dunning, or refund. Gateway calls
 * carry an idempotency key per verification, per charge attempt and per refund: when
 * a deadline runs again after a crash or a gateway fault (the DeadlineScheduler retries with back-off), the gateway
 * answers the first result again instead of charging twice. The invoice decides whether anything is still due.
 */
@Component
class WhenDeadlinePassedThenIssueVerifyChargeOrDun {

    WhenDeadlinePassedThenIssueVerifyChargeOrDun(
            DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        deadlines.onDue(
                BillingDeadlines.ISSUE,
                BillingDeadlines.InvoiceDue.class,
                due -> commands.sendAndWait(new IssueInvoice(due.invoiceId())));
        deadlines.onDue(BillingDeadlines.VERIFY_CARD, BillingDeadlines.CardDue.class, due -> {
            GatewayResult result =
                    gateway.verifyCard(due.cardToken(), due.currency(), "verify:" + due.subscriptionId());
            commands.sendAndWait(new RecordCardVerification(
                    due.invoiceId(), result.approved(), result.outcome().name(), result.gatewayReference()));
        });
        deadlines.onDue(BillingDeadlines.CHARGE, BillingDeadlines.ChargeDue.class, due -> {
            Optional<ChargeRequest> request = commands.sendAndWait(new PrepareCharge(due.invoiceId(), due.attempt()));
            request.ifPresent(r -> {
                GatewayResult result = gateway.charge(r.cardToken(), r.amount(), r.currency(), r.idempotencyKey());
                commands.sendAndWait(new RecordCharge(
                        r.invoiceId(),
                        r.attempt(),
                        result.approved(),
                        result.outcome().name(),
                        result.gatewayReference(),
                        r.amount()));
            });
        });
        deadlines.onDue(
                BillingDeadlines.DUNNING_END,
                BillingDeadlines.InvoiceDue.class,
                due -> commands.sendAndWait(new MarkDunningExhausted(due.invoiceId())));
        deadlines.onDue(BillingDeadlines.REFUND, BillingDeadlines.RefundDue.class, due -> {
            GatewayResult result =
                    gateway.refund(due.chargeReference(), due.amount(), due.currency(), "refund:" + due.refundId());
            commands.sendAndWait(new RecordRefund(
                    due.invoiceId(),
                    due.refundId(),
                    result.approved(),
                    result.outcome().name(),
                    result.gatewayReference(),
                    result.message()));
        });
        deadlines.onDue(
                BillingDeadlines.OVERDUE,
                BillingDeadlines.InvoiceDue.class,
                due -> commands.sendAndWait(new MarkOverdue(due.invoiceId())));
    }
}
