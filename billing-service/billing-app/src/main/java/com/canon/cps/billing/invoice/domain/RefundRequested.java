package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Money received by card is to be paid back through the gateway: {@code amount} of the charge
 * {@code chargeReference}, for credit note {@code creditNoteId}.
 *
 * @param refundId identifies this refund and keys it at the gateway, so it happens once: the credit note's id, or for
 *     a card payment that arrived after the invoice was credited, the credit note's id with the charge attempt
 */
@Revision("1")
public record RefundRequested(
        String invoiceId,
        String accountId,
        String refundId,
        String creditNoteId,
        String creditNoteNumber,
        String chargeReference,
        BigDecimal amount,
        String currency,
        Instant requestedAt)
        implements InvoiceEvent {}
