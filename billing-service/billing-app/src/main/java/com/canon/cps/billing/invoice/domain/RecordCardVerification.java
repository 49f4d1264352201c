package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment gateway's answer to the zero-amount verification of the order's card. */
public record RecordCardVerification(
        @TargetAggregateIdentifier String invoiceId, boolean approved, String outcome, String gatewayReference) {}
