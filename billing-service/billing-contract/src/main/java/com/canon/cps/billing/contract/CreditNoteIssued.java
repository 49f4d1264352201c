package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An operator issued a credit note against an invoice (a cancelled order, a wrong invoice), with the issued PDF.
 * Credit notes have a gapless number series of their own ({@code CN-GB-2026-000001}); the amounts are positive and
 * credited at the invoice's VAT rate and treatment. An invoice credited in full is {@code CREDITED}; money already
 * received for it is paid back ({@code refundMethod}: by the payment gateway to the card, {@code PaymentRefunded}, or
 * by bank transfer). Key and subject: {@code accountId}. v1: first version.
 *
 * @param invoiceNumber the credited invoice's number (the credit note's reference to it)
 * @param reason the operator's reason, printed on the credit note
 * @param lines what is credited: the invoice's lines with the credited net amount
 * @param vatRate VAT rate in percent as a decimal string, the invoice's
 * @param creditedTotal the gross of every credit note of the invoice so far, this one included
 * @param invoiceStatus the invoice's status afterwards: {@code CREDITED} when credited in full, else its status before
 * @param refundMethod {@code CARD} (refunded through the payment gateway), {@code BANK_TRANSFER} (paid back by
 *     transfer), or {@code NONE} (nothing had been paid) (open-ended list of values)
 * @param document the issued PDF (a Factur-X / ZUGFeRD credit note, type code 381)
 */
public record CreditNoteIssued(
        String accountId,
        String creditNoteId,
        String invoiceId,
        String invoiceNumber,
        LocalDate invoiceIssueDate,
        String number,
        String series,
        LocalDate issueDate,
        Party seller,
        Party buyer,
        String language,
        String reason,
        List<InvoiceLine> lines,
        Money net,
        String vatRate,
        Money vat,
        Money gross,
        String vatTreatment,
        String vatNote,
        Money creditedTotal,
        String invoiceStatus,
        String refundMethod,
        InvoiceDocument document,
        Instant issuedAt) {

    public static final String TYPE = "cps.billing.CreditNoteIssued.v1";
}
