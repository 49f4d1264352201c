package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation;
import com.canon.cps.billing.invoice.domain.IssueCreditNote;
import com.canon.cps.billing.invoice.query.InvoiceQueries;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.web.ApiProblem;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators credit an invoice (a cancelled order, a wrong invoice): a credit note with the next number of its own
 * series, taken in the transaction that issues it; money a card paid is refunded through the payment gateway. The
 * answer comes from the invoice's decision; a refusal records nothing (and takes no number). For BILLING and ADMIN
 * operators (ADR 19); the credit note and its audit entry are stored in one transaction.
 */
@RestController
@OperatorAccess.Billing
class CreditNoteController {

    private static final int MAX_REASON = 500;
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");

    private final CommandGateway commands;
    private final InvoiceQueries invoices;
    private final OperatorAudit audit;

    CreditNoteController(CommandGateway commands, InvoiceQueries invoices, OperatorAudit audit) {
        this.commands = commands;
        this.invoices = invoices;
        this.audit = audit;
    }

    private static Map<String, ?> details(
            CreditNoteIssued c, String creditNoteId, String invoiceNumber, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("invoiceNumber", invoiceNumber); // the back office names the credited invoice by its number
        details.put("creditNoteId", creditNoteId);
        details.put("number", c == null ? null : c.number());
        details.put("amount", c == null ? null : c.gross().setScale(2).toPlainString());
        details.put("currency", c == null ? null : c.currency());
        details.put("reason", reason.strip());
        return details;
    }

    /** {@code amount}: the gross to credit as a decimal string ({@code "50.00"}); left out, everything not credited yet. */
    record CreditNoteRequest(String reason, String amount) {}

    record CreditNoteResponse(
            String creditNoteId,
            String number,
            String invoiceId,
            String invoiceNumber,
            String issueDate,
            String reason,
            InvoiceSummary.Money net,
            InvoiceSummary.Money vat,
            InvoiceSummary.Money gross,
            InvoiceSummary.Money creditedTotal,
            String invoiceStatus,
            InvoiceDetails.Refund refund,
            String pdf) {}

    @PostMapping("/api/billing/invoices/{invoiceId}/credit-notes")
    ResponseEntity<CreditNoteResponse> issue(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String invoiceId,
            @RequestBody(required = false) CreditNoteRequest request) {
        if (!isUuid(invoiceId)) {
            throw ApiProblem.notFound("No invoice " + invoiceId);
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiProblem.invalid("reason", "is required");
        }
        if (request.reason().strip().length() > MAX_REASON) {
            throw ApiProblem.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        BigDecimal amount = amount(request.amount());
        String creditNoteId = UUID.randomUUID().toString();
        try {
            Optional<InvoiceView> credited = invoices.byId(invoiceId);
            Optional<CreditNoteIssued> issued = audit.perform(
                    OperatorActions.CREDIT_NOTE_ISSUED,
                    OperatorAudit.Subject.of(OperatorActions.INVOICE, invoiceId)
                            .withAccount(credited.map(InvoiceView::accountId).orElse(null)),
                    () -> commands.<Optional<CreditNoteIssued>>sendAndWait(
                            new IssueCreditNote(invoiceId, creditNoteId, request.reason(), amount, operator(jwt))),
                    result -> details(
                            result.orElse(null),
                            creditNoteId,
                            credited.map(InvoiceView::number).orElse(null),
                            request.reason()));
            CreditNoteIssued c = issued.orElseThrow();
            String pdf = "/api/invoices/" + invoiceId + "/credit-notes/" + creditNoteId + "/pdf";
            return ResponseEntity.created(URI.create(pdf)).body(response(c, pdf));
        } catch (RuntimeException e) {
            throw problem(e, invoiceId);
        }
    }

    private static BigDecimal amount(String amount) {
        if (amount == null) {
            return null;
        }
        if (!AMOUNT.matcher(amount.strip()).matches()) {
            throw ApiProblem.invalid("amount", "must be a decimal amount such as \"50.00\", with at most two decimals");
        }
        BigDecimal value = new BigDecimal(amount.strip());
        if (value.signum() <= 0) {
            throw ApiProblem.invalid("amount", "must be more than zero");
        }
        return value;
    }

    private static CreditNoteResponse response(CreditNoteIssued c, String pdf) {
        String refundStatus = switch (c.refundMethod()) {
            case CARD -> "PENDING";
            case BANK_TRANSFER -> "BY_BANK_TRANSFER";
            case NONE -> "NONE";
        };
        return new CreditNoteResponse(
                c.creditNoteId(),
                c.number(),
                c.invoiceId(),
                c.invoiceNumber(),
                c.issueDate().toString(),
                c.reason(),
                money(c.net(), c.currency()),
                money(c.vat(), c.currency()),
                money(c.gross(), c.currency()),
                money(c.creditedTotal(), c.currency()),
                c.invoiceStatus().name(),
                new InvoiceDetails.Refund(c.refundMethod().name(), money(c.refundAmount(), c.currency()), refundStatus),
                pdf);
    }

    private static InvoiceSummary.Money money(BigDecimal amount, String currency) {
        return new InvoiceSummary.Money(amount.setScale(2).toPlainString(), currency);
    }

    /** 404 unknown invoice; 409 not issued yet or credited in full; 400 at {@code amount} for more than is left. */
    private static RuntimeException problem(RuntimeException e, String invoiceId) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvoiceRuleViolation v) {
                return v.rule() == InvoiceRuleViolation.Rule.INVALID_AMOUNT
                        ? ApiProblem.invalid("amount", v.getMessage())
                        : ApiProblem.conflict(v.getMessage());
            }
            if (cause instanceof AggregateNotFoundException) {
                return ApiProblem.notFound("No invoice " + invoiceId);
            }
        }
        return e;
    }

    /** Invoice ids are UUIDs; anything else is not an invoice and never reaches the event store. */
    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String operator(Jwt jwt) {
        return OperatorIdentity.of(jwt).label();
    }
}
