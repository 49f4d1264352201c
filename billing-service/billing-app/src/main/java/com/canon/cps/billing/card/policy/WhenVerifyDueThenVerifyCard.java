package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.domain.RecordCardChangeVerification;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The new card is verified with a zero amount (idempotency key {@code verify-card-change:<id>}, so a retry after
 * a crash or a gateway fault gets the gateway's first answer).
 */
@Component
class WhenVerifyDueThenVerifyCard {

    private final CommandGateway commands;
    private final PaymentGateway gateway;

    WhenVerifyDueThenVerifyCard(DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        this.commands = commands;
        this.gateway = gateway;
        deadlines.onDue(CardDeadlines.VERIFY_CHANGE, CardDeadlines.VerifyDue.class, this::on);
    }

    void on(CardDeadlines.VerifyDue due) {
        GatewayResult result =
                gateway.verifyCard(due.cardToken(), due.currency(), "verify-card-change:" + due.requestId());
        commands.sendAndWait(RecordCardChangeVerification.of(
                due.accountId(),
                due.requestId(),
                result.approved(),
                result.outcome().name(),
                result.gatewayReference()));
    }
}
