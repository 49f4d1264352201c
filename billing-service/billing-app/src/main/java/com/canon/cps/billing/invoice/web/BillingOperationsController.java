package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.bank.BankStatementException;
import com.canon.cps.billing.bank.Camt053;
import com.canon.cps.billing.bank.StatementCredit;
import com.canon.cps.billing.invoice.PaymentReferences;
import com.canon.cps.billing.invoice.domain.BankPaymentOutcome;
import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation;
import com.canon.cps.billing.invoice.domain.MarkPaid;
import com.canon.cps.billing.invoice.domain.RecordBankPayment;
import com.canon.cps.platform.web.ApiProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class BillingOperationsController {

    private final CommandGateway commands;
    private final PaymentReferences references;

    BillingOperationsController(CommandGateway commands, PaymentReferences references) {
        this.commands = commands;
        this.references = references;
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
        return new ImportResult(matched, entries.size() - matched - duplicates, duplicates, entries);
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
            commands.sendAndWait(new MarkPaid(invoiceId, operator(jwt), note));
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
        String email = jwt.getClaimAsString("email");
        return email != null ? email : jwt.getSubject();
    }
}
