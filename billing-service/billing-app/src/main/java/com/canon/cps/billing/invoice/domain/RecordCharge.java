package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway's answer to charge attempt {@code attempt}. */
public record RecordCharge(
        @TargetAggregateIdentifier String invoiceId,
        int attempt,
        boolean approved,
        String outcome,
        String gatewayReference) {}
