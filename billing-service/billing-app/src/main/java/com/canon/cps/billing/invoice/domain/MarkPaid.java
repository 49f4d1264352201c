package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator marks the invoice paid (money received outside the statement import). */
public record MarkPaid(@TargetAggregateIdentifier String invoiceId, String operator, String note) {}
