package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.query.InvoiceQueries;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any operator: {@code GET /api/billing/invoices?status=OPEN|OVERDUE} (comma-separated for both; both when left out),
 * the invoices still to be paid across all members, the earliest due first, at most {@value #MAX} (ADR 19). The
 * back office's billing list; each links to {@code GET /api/invoices/{id}} for the details and the PDF.
 */
@RestController
@OperatorAccess.AnyOperator
class OperatorInvoicesController {

    static final int MAX = 500;
    private static final List<String> STATUSES = List.of("OPEN", "OVERDUE");

    /** One invoice of the list, with the member it is for. */
    record OperatorInvoice(
            String invoiceId,
            String accountId,
            String number,
            String buyerName,
            String buyerCountry,
            String issueDate,
            String dueDate,
            InvoiceSummary.Money gross,
            String status,
            String paymentMethod,
            String paymentReference) {

        static OperatorInvoice of(InvoiceView v) {
            return new OperatorInvoice(
                    v.invoiceId(),
                    v.accountId(),
                    v.number(),
                    v.buyer() == null ? null : v.buyer().name(),
                    v.buyer() == null ? null : v.buyer().country(),
                    v.issueDate(),
                    v.dueDate(),
                    new InvoiceSummary.Money(v.gross(), v.currency()),
                    v.status(),
                    v.paymentMethod(),
                    v.paymentReference());
        }
    }

    private final InvoiceQueries queries;

    OperatorInvoicesController(InvoiceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/billing/invoices")
    List<OperatorInvoice> invoices(@RequestParam(required = false) String status) {
        return queries.byStatus(statuses(status), MAX).stream()
                .map(OperatorInvoice::of)
                .toList();
    }

    private static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return STATUSES;
        }
        List<String> statuses = new ArrayList<>();
        for (String s : status.split(",", -1)) {
            String value = s.strip().toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(value)) {
                throw ApiProblem.invalid("status", "must be OPEN, OVERDUE or both, comma-separated");
            }
            statuses.add(value);
        }
        return statuses;
    }
}
