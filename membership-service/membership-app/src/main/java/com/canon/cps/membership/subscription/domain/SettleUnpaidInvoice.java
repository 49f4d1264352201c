package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code invoiceId} was paid, or credited in full: it no longer keeps the membership suspended.
 *
 * @param reason {@code INVOICE_PAID} or {@code INVOICE_CREDITED}
 */
public record SettleUnpaidInvoice(@TargetAggregateIdentifier String accountId, String invoiceId, String reason) {}
