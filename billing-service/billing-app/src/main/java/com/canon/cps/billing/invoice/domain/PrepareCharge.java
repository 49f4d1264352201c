package com.canon.cps.billing.invoice.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The due date (or a retry date) has come: the charge to make for {@code attempt}, if any. */
public record PrepareCharge(@TargetAggregateIdentifier String invoiceId, int attempt) {}
