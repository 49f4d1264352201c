package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.bank.BankStatementException;
import com.canon.cps.billing.bank.Camt053;
import com.canon.cps.billing.bank.StatementCredit;
import com.canon.cps.billing.invoice.domain.BankPaymentOutcome;
import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation;
import com.canon.cps.billing.invoice.domain.MarkPaid;
import com.canon.cps.billing.invoice.domain.RecordBankPayment;
import com.canon.cps.billing.invoice.query.InvoiceQueries;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.billing.invoice.store.PaymentReferences;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.web.ApiProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' billing tools: importing a bank statement (ISO 20022 camt.053) and marking an invoice paid by hand.
 *
 * <p>Each credit of the statement is matched by its ISO 11649 creditor reference alone; it is booked only when it
 * pays its invoice's gross amount exactly. Everything else is reported, never guessed: no or an unknown reference, a
 * partial or excess payment, another currency, an invoice already paid. Importing the same statement again books
 * nothing twice: each entry's bank reference is remembered by its invoice ({@code DUPLICATE}).
 *
 * <p>For BILLING and ADMIN operators (ADR 19). The audit trail gets the import (subject: the statement's SHA-256, with
 * its counts), each payment it booked (on the invoice) and each invoice marked paid, with who and when.
 */
@RestController
@OperatorAccess.Billing
class BillingOperationsController {

    private final CommandGateway commands;
    private final PaymentReferences references;
    private final InvoiceQueries invoices;
    private final OperatorAudit audit;

    BillingOperationsController(
            CommandGateway commands, PaymentReferences references, InvoiceQueries invoices, OperatorAudit audit) {
        this.commands = commands;
        this.references = references;
        this.invoices = invoices;
        this.audit = audit;
    }

    record StatementEntry(
            String entryReference,
            String bookingDate,
            InvoiceSummary.Money amount,
            String reference,
            String debtorName,
            String invoiceId,
            String invoiceNumber,
            String result) {}

    record ImportResult(int matched, int unmatched, int duplicates, List<StatementEntry> entries) {}

    @PostMapping("/api/billing/bank-statements")
    ImportResult importStatement(@RequestBody(required = false) byte[] statement) {
        if (statement == null || statement.length == 0) {
            throw ApiProblem.invalid("statement", "a camt.053 XML document is required");
        }
        List<StatementCredit> credits;
        try {
            credits = Camt053.parse(new ByteArrayInputStream(statement));
        } catch (BankStatementException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Not a camt.053 bank statement", e.getMessage());
        }
        String fingerprint = Sha256.hex(statement);
        List<StatementEntry> entries = new ArrayList<>();
        int matched = 0;
        int duplicates = 0;
        for (StatementCredit credit : credits) {
            String result;
            PaymentReferences.IssuedInvoice invoice = credit.creditorReference() == null
                    ? null
                    : references.find(credit.creditorReference()).orElse(null);
            if (credit.creditorReference() == null) {
                result = "NO_REFERENCE";
            } else if (invoice == null) {
                result = "UNKNOWN_REFERENCE";
            } else {
                BankPaymentOutcome outcome = commands.sendAndWait(new RecordBankPayment(
                        invoice.invoiceId(),
                        credit.amount(),
                        credit.currency(),
                        credit.entryReference(),
                        credit.bookingDate()));
                result = outcome.name();
                if (outcome == BankPaymentOutcome.MATCHED) {
                    Map<String, Object> booked = new LinkedHashMap<>();
                    booked.put("invoiceNumber", invoice.number());
                    booked.put("statement", fingerprint);
                    booked.put("entryReference", credit.entryReference());
                    booked.put("amount", credit.amount().toPlainString());
                    booked.put("currency", credit.currency());
                    audit.record(OperatorActions.BANK_PAYMENT_BOOKED, invoice(invoice.invoiceId()), booked);
                }
                matched += outcome == BankPaymentOutcome.MATCHED ? 1 : 0;
                duplicates += outcome == BankPaymentOutcome.DUPLICATE ? 1 : 0;
            }
            entries.add(new StatementEntry(
                    credit.entryReference(),
                    credit.bookingDate() == null ? null : credit.bookingDate().toString(),
                    new InvoiceSummary.Money(credit.amount().toPlainString(), credit.currency()),
                    credit.creditorReference(),
                    credit.debtorName(),
                    invoice == null ? null : invoice.invoiceId(),
                    invoice == null ? null : invoice.number(),
                    result));
        }
        ImportResult imported = new ImportResult(matched, entries.size() - matched - duplicates, duplicates, entries);
        audit.record(
                OperatorActions.BANK_STATEMENT_IMPORTED,
                OperatorAudit.Subject.of(OperatorActions.BANK_STATEMENT, fingerprint),
                Map.of(
                        "entries",
                        entries.size(),
                        "matched",
                        imported.matched(),
                        "unmatched",
                        imported.unmatched(),
                        "duplicates",
                        imported.duplicates()));
        return imported;
    }

    record MarkPaidRequest(String note) {}

    record MarkPaidResponse(String invoiceId, String status) {}

    @PostMapping("/api/billing/invoices/{invoiceId}/mark-paid")
    MarkPaidResponse markPaid(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String invoiceId,
            @RequestBody(required = false) MarkPaidRequest request) {
        String note = request == null ? null : request.note();
        if (note != null && note.length() > 500) {
            throw ApiProblem.invalid("note", "must be at most 500 characters");
        }
        try {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(
                    "invoiceNumber",
                    invoices.byId(invoiceId).map(InvoiceView::number).orElse(null));
            details.put("note", note);
            audit.perform(
                    OperatorActions.INVOICE_MARKED_PAID,
                    invoice(invoiceId),
                    () -> commands.sendAndWait(new MarkPaid(invoiceId, operator(jwt), note)),
                    details);
            return new MarkPaidResponse(invoiceId, "PAID");
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvoiceRuleViolation v) {
                    throw ApiProblem.conflict(v.getMessage());
                }
                if (cause instanceof AggregateNotFoundException) {
                    throw ApiProblem.notFound("No invoice " + invoiceId);
                }
            }
            throw e;
        }
    }

    private static String operator(Jwt jwt) {
        return OperatorIdentity.of(jwt).label();
    }

    private OperatorAudit.Subject invoice(String invoiceId) {
        return OperatorAudit.Subject.of(OperatorActions.INVOICE, invoiceId)
                .withAccount(
                        invoices.byId(invoiceId).map(InvoiceView::accountId).orElse(null));
    }

    /** The statement's identity in the trail: importing the same file twice shows the same subject. */
}
