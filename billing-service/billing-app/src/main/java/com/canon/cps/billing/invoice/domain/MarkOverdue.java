package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The day after the due date has begun. */
public record MarkOverdue(@TargetAggregateIdentifier String invoiceId) {}
