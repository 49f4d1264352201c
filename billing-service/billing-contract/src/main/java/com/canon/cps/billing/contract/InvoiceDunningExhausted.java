package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The last dunning step has passed and the invoice is still unpaid: it was due on {@code dueDate}, the overdue notice
 * and (for a card) every charge retry came and went, and {@code cps.billing.dunning-ends-after} after the due date
 * nothing has paid it. membership-service suspends the membership on it. Published once per invoice; a payment or a
 * credit note afterwards is {@code InvoicePaid} or {@code CreditNoteIssued} as usual. Key and subject:
 * {@code accountId}. v1: first version.
 *
 * @param amountDue what is still owed: the gross amount less what credit notes took off
 * @param paymentMethod {@code CARD} or {@code BANK_TRANSFER} (open-ended list of values)
 */
public record InvoiceDunningExhausted(
        String accountId,
        String invoiceId,
        String subscriptionId,
        String number,
        Money amountDue,
        LocalDate dueDate,
        String paymentMethod,
        Instant exhaustedAt) {

    public static final String TYPE = "cps.billing.InvoiceDunningExhausted.v1";
}
