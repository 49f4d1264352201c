package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.RecordRefund;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A credit note's refund is due: the gateway pays it back to the card, keyed by the refund id, so a refund run
 * again (crash, gateway fault) pays back once.
 */
@Component
class WhenRefundDueThenRefund {

    private final CommandGateway commands;
    private final PaymentGateway gateway;

    WhenRefundDueThenRefund(DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        this.commands = commands;
        this.gateway = gateway;
        deadlines.onDue(BillingDeadlines.REFUND, BillingDeadlines.RefundDue.class, this::on);
    }

    void on(BillingDeadlines.RefundDue due) {
        GatewayResult result =
                gateway.refund(due.chargeReference(), due.amount(), due.currency(), "refund:" + due.refundId());
        commands.sendAndWait(new RecordRefund(
                due.invoiceId(),
                due.refundId(),
                result.approved(),
                result.outcome().name(),
                result.gatewayReference(),
                result.message()));
    }
}
