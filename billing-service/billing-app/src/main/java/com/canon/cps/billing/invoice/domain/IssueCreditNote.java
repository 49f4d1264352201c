package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator credits the invoice (a cancelled order, a wrong invoice).
 *
 * @param creditNoteId chosen by the caller (a retry with the same id issues nothing new)
 * @param amount the gross amount to credit, VAT included; null for everything not credited yet
 * @param operator who issued it (kept with the credit note, never printed)
 */
public record IssueCreditNote(
        @TargetAggregateIdentifier String invoiceId,
        String creditNoteId,
        String reason,
        BigDecimal amount,
        String operator) {}
