package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A credit note against the invoice was issued: everything printed on it, frozen at issue. Amounts are positive;
 * {@code vatRate}, {@code vatTreatment} and {@code vatNote} are the invoice's.
 *
 * @param creditedTotal the gross of every credit note of the invoice, this one included
 * @param invoiceStatus the invoice's status afterwards ({@code CREDITED} once credited in full)
 * @param refundMethod how money already received goes back: {@code CARD} (through the gateway, see
 *     {@link RefundRequested}), {@code BANK_TRANSFER} (by the seller's finance team), {@code NONE} (nothing paid)
 * @param refundAmount the part of {@code gross} that is paid back (nothing when the invoice was unpaid)
 */
@Revision("1")
public record CreditNoteIssued(
        String invoiceId,
        String accountId,
        String creditNoteId,
        String number,
        String series,
        LocalDate issueDate,
        String invoiceNumber,
        LocalDate invoiceIssueDate,
        Party seller,
        @PersonalData(scope = InvoiceIssued.TAX_RECORDS) Party buyer,
        String language,
        @PersonalData String reason,
        List<InvoiceLine> lines,
        String currency,
        BigDecimal net,
        BigDecimal vatRate,
        BigDecimal vat,
        BigDecimal gross,
        VatTreatment vatTreatment,
        String vatNote,
        BigDecimal creditedTotal,
        InvoiceStatus invoiceStatus,
        RefundMethod refundMethod,
        BigDecimal refundAmount,
        String operator,
        Instant issuedAt)
        implements InvoiceEvent {

    public CreditNoteIssued {
        net = Cents.of(net);
        vatRate = Cents.of(vatRate);
        vat = Cents.of(vat);
        gross = Cents.of(gross);
        creditedTotal = Cents.of(creditedTotal);
        refundAmount = Cents.of(refundAmount);
    }

    /** The same credit note with everything personal in it erased (what an erased account's contract events carry). */
    public CreditNoteIssued erased() {
        return new CreditNoteIssued(
                invoiceId,
                accountId,
                creditNoteId,
                number,
                series,
                issueDate,
                invoiceNumber,
                invoiceIssueDate,
                seller,
                Party.erased(buyer),
                language,
                PersonalData.ERASED,
                lines,
                currency,
                net,
                vatRate,
                vat,
                gross,
                vatTreatment,
                vatNote,
                creditedTotal,
                invoiceStatus,
                refundMethod,
                refundAmount,
                operator,
                issuedAt);
    }
}
