package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.RecordCardVerification;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The order's card is verified with a zero amount. The idempotency key is per subscription: when the deadline runs
 * again after a crash or a gateway fault (the DeadlineScheduler retries with back-off), the gateway answers its first
 * result again.
 */
@Component
class WhenCardDueThenVerify {

    private final CommandGateway commands;
    private final PaymentGateway gateway;

    WhenCardDueThenVerify(DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        this.commands = commands;
        this.gateway = gateway;
        deadlines.onDue(BillingDeadlines.VERIFY_CARD, BillingDeadlines.CardDue.class, this::on);
    }

    void on(BillingDeadlines.CardDue due) {
        GatewayResult result = gateway.verifyCard(due.cardToken(), due.currency(), "verify:" + due.subscriptionId());
        commands.sendAndWait(new RecordCardVerification(
                due.invoiceId(), result.approved(), result.outcome().name(), result.gatewayReference()));
    }
}
