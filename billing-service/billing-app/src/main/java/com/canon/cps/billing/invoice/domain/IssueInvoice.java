package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The issue delay has passed: number and issue the invoice (once). */
public record IssueInvoice(@TargetAggregateIdentifier String invoiceId) {}
