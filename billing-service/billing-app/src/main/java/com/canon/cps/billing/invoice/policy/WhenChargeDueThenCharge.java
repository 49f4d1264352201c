package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.ChargeRequest;
import com.canon.cps.billing.invoice.domain.PrepareCharge;
import com.canon.cps.billing.invoice.domain.RecordCharge;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A charge attempt is due: the invoice says whether anything is still to charge, and how much; the gateway is
 * called with the attempt's idempotency key, so an attempt run again (crash, gateway fault) never charges twice.
 */
@Component
class WhenChargeDueThenCharge {

    private final CommandGateway commands;
    private final PaymentGateway gateway;

    WhenChargeDueThenCharge(DeadlineScheduler deadlines, CommandGateway commands, PaymentGateway gateway) {
        this.commands = commands;
        this.gateway = gateway;
        deadlines.onDue(BillingDeadlines.CHARGE, BillingDeadlines.ChargeDue.class, this::on);
    }

    void on(BillingDeadlines.ChargeDue due) {
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
    }
}
