package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A credit from an imported bank statement that quotes this invoice's reference. */
public record RecordBankPayment(
        @TargetAggregateIdentifier String invoiceId,
        BigDecimal amount,
        String currency,
        String entryReference,
        LocalDate bookedOn) {}
