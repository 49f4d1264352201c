package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Money for the invoice arrived: {@code method} CARD, BANK_TRANSFER or MANUAL (an operator).
 *
 * @param reference the gateway's charge (CARD), the statement entry (BANK_TRANSFER) or the operator (MANUAL)
 * @param note what the operator wrote when marking the invoice paid (MANUAL only; personal data, erased with the
 *     account). Events stored before it existed carry the note in {@code reference} ("operator: note").
 */
@Revision("1")
public record PaymentCaptured(
        String invoiceId,
        String accountId,
        String number,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        String reference,
        Instant capturedAt,
        @PersonalData String note)
        implements InvoiceEvent {

    public PaymentCaptured {
        amount = Cents.of(amount);
    }

    /** A capture without an operator's note (by card or bank transfer). */
    public PaymentCaptured(
            String invoiceId,
            String accountId,
            String number,
            BigDecimal amount,
            String currency,
            PaymentMethod method,
            String reference,
            Instant capturedAt) {
        this(invoiceId, accountId, number, amount, currency, method, reference, capturedAt, null);
    }
}
