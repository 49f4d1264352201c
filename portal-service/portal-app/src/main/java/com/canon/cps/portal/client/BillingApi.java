package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** billing-service: the member's invoices (docs/api.md "billing-service"). */
@Component
public class BillingApi extends ApiClient {

    BillingApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("billing", Clients.rest(rest, settings.services().billing(), settings), session);
    }

    public record Invoice(
            String invoiceId,
            String number,
            String issueDate,
            String dueDate,
            Money net,
            String vatRate,
            Money vat,
            Money gross,
            String vatTreatment,
            String vatNote,
            String status,
            String paymentMethod,
            String purchaseOrderNumber,
            String paymentReference,
            Party seller,
            Party buyer,
            List<Line> lines,
            PaymentInstructions paymentInstructions,
            String paidOn,
            String lastPaymentFailure,
            String nextChargeOn,
            Money credited,
            Money amountDue,
            List<CreditNote> creditNotes) {}

    public record CreditNote(
            String creditNoteId,
            String number,
            String issueDate,
            String reason,
            Money net,
            Money vat,
            Money gross,
            Refund refund) {}

    public record Refund(String method, Money amount, String status) {}

    public record Party(String name, String line1, String postalCode, String city, String country, String vatId) {}

    public record Line(String description, String tier, String termStartsOn, String termEndsOn, Money net) {}

    public record PaymentInstructions(
            String paymentMethod,
            String accountHolder,
            String iban,
            String bic,
            String paymentReference,
            String note) {}

    /** What a bank statement import matched (docs/api.md "billing-service", operators). */
    public record StatementImport(int matched, int unmatched, int duplicates, List<StatementEntry> entries) {}

    public record StatementEntry(
            String entryReference,
            String bookingDate,
            Money amount,
            String reference,
            String debtorName,
            String invoiceId,
            String invoiceNumber,
            String result) {}

    public StatementImport importStatement(byte[] camt053) {
        return sendFile("/api/billing/bank-statements", camt053, MediaType.APPLICATION_XML, StatementImport.class);
    }

    public void markPaid(String invoiceId, String note) {
        send(
                org.springframework.http.HttpMethod.POST,
                "/api/billing/invoices/{id}/mark-paid",
                java.util.Map.of("note", note == null ? "" : note),
                Void.class,
                invoiceId);
    }

    public List<Invoice> invoices() {
        return get("/api/invoices", new ParameterizedTypeReference<List<Invoice>>() {});
    }

    /** OPERATOR: every invoice of one member, as the member sees them (ADR 19). */
    public List<Invoice> invoicesOf(String accountId) {
        return get("/api/invoices?accountId={id}", new ParameterizedTypeReference<List<Invoice>>() {}, accountId);
    }

    public Invoice invoice(String invoiceId) {
        return get("/api/invoices/{id}", Invoice.class, invoiceId);
    }

    public Download creditNotePdf(String invoiceId, String creditNoteId) {
        return download("/api/invoices/{id}/credit-notes/{cn}/pdf", invoiceId, creditNoteId);
    }

    public Download pdf(String invoiceId) {
        return download("/api/invoices/{id}/pdf", invoiceId);
    }

    /** An invoice of the operators' list, with the member it is for. */
    public record OperatorInvoice(
            String invoiceId,
            String accountId,
            String number,
            String buyerName,
            String buyerCountry,
            String issueDate,
            String dueDate,
            Money gross,
            String status,
            String paymentMethod,
            String paymentReference) {}

    /** OPERATOR: open and overdue invoices, most urgent first. */
    public List<OperatorInvoice> openInvoices() {
        return get(
                "/api/billing/invoices?status=OPEN,OVERDUE",
                new ParameterizedTypeReference<List<OperatorInvoice>>() {});
    }
}
