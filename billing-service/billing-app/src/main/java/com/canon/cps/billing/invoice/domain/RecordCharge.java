package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway's answer to charge attempt {@code attempt}.
 *
 * @param amount what was charged (the amount of the {@link ChargeRequest}); null for the amount still due
 */
public record RecordCharge(
        @TargetAggregateIdentifier String invoiceId,
        int attempt,
        boolean approved,
        String outcome,
        String gatewayReference,
        BigDecimal amount) {

    public RecordCharge(String invoiceId, int attempt, boolean approved, String outcome, String gatewayReference) {
        this(invoiceId, attempt, approved, outcome, gatewayReference, null);
    }
}
