package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** billing's last dunning step passed with {@code invoiceId} still unpaid. */
public record SuspendForUnpaidInvoice(
        @TargetAggregateIdentifier String accountId, String invoiceId, String invoiceNumber) {}
