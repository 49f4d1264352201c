package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The last dunning step ({@code dunning-ends-after} after the due date) has come. */
public record MarkDunningExhausted(
        @TargetAggregateIdentifier String invoiceId) {}
