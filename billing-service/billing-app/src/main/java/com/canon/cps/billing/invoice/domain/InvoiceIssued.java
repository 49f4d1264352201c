package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The invoice of a subscription order was issued: everything printed on it, frozen at issue (a later change of the
 * buyer's address or of the rates does not change an issued invoice). {@code vatRate} is a percentage
 * ({@code 20.00}); {@code bank} and {@code paymentReference} are set for bank transfer only.
 */
@Revision("1")
public record InvoiceIssued(
        String invoiceId,
        String accountId,
        String subscriptionId,
        String number,
        String series,
        LocalDate issueDate,
        LocalDate dueDate,
        Party seller,
        @PersonalData(scope = InvoiceIssued.TAX_RECORDS) Party buyer,
        String language,
        List<InvoiceLine> lines,
        String currency,
        BigDecimal net,
        BigDecimal vatRate,
        BigDecimal vat,
        BigDecimal gross,
        VatTreatment vatTreatment,
        String vatNote,
        @PersonalData String purchaseOrderNumber,
        PaymentMethod paymentMethod,
        String paymentReference,
        BankDetails bank,
        Instant issuedAt)
        implements InvoiceEvent {

    public InvoiceIssued {
        net = Cents.of(net);
        vatRate = Cents.of(vatRate);
        vat = Cents.of(vat);
        gross = Cents.of(gross);
    }

    /**
     * The key scope of what tax law makes an issued invoice or credit note keep about the buyer for its retention
     * period (ADR 24): an erasure of the account leaves it, the retention job destroys it when the period ends.
     */
    public static final String TAX_RECORDS = "tax-records";

    /** The same invoice with everything personal in it erased (what an erased account's contract events carry). */
    public InvoiceIssued erased() {
        return new InvoiceIssued(
                invoiceId,
                accountId,
                subscriptionId,
                number,
                series,
                issueDate,
                dueDate,
                seller,
                Party.erased(buyer),
                language,
                lines,
                currency,
                net,
                vatRate,
                vat,
                gross,
                vatTreatment,
                vatNote,
                purchaseOrderNumber == null ? null : PersonalData.ERASED,
                paymentMethod,
                paymentReference,
                bank,
                issuedAt);
    }
}
