package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway's answer to refund {@code refundId} ({@link RefundRequested}). */
public record RecordRefund(
        @TargetAggregateIdentifier String invoiceId,
        String refundId,
        boolean approved,
        String outcome,
        String gatewayReference,
        String message) {}
