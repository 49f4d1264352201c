package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.domain.RecordCardChangeVerification;
import com.canon.cps.billing.invoice.domain.ReplaceInvoiceCard;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A card deadline has come: verify the new card with a zero amount (idempotency key {@code verify-card-change:<id>},
 * so a retry after a crash or a gateway fault gets the gateway's first answer), or give an invoice the new card.
 */
@Component
class WhenCardDeadlinePassedThenVerifyOrReplace {

    WhenCardDeadlinePassedThenVerifyOrReplace(
            DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        deadlines.onDue(CardDeadlines.VERIFY_CHANGE, CardDeadlines.VerifyDue.class, due -> {
            GatewayResult result =
                    gateway.verifyCard(due.cardToken(), due.currency(), "verify-card-change:" + due.requestId());
            commands.sendAndWait(RecordCardChangeVerification.of(
                    due.accountId(),
                    due.requestId(),
                    result.approved(),
                    result.outcome().name(),
                    result.gatewayReference()));
        });
        deadlines.onDue(
                CardDeadlines.REPLACE_CARD,
                CardDeadlines.ReplaceDue.class,
                due -> commands.sendAndWait(new ReplaceInvoiceCard(due.invoiceId(), due.requestId(), due.cardToken())));
    }
}
