package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account's card changed (verified by change {@code requestId}): charge this invoice to the new card. */
public record ReplaceInvoiceCard(@TargetAggregateIdentifier String invoiceId, String requestId, String cardToken) {}
