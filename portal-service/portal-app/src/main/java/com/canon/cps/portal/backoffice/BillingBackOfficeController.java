package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import com.canon.cps.portal.client.OperationsApi;
import com.canon.cps.portal.client.ProductApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invoices for the billing team: the open and overdue ones, import a camt.053 bank statement (its entries shown as
 * matched, unmatched or duplicate), mark an invoice paid (a payment that came another way), with a note, and import
 * the old CPS system's CSV of product registrations.
 */
@Controller
class BillingBackOfficeController {

    /** How many operator actions the page shows; product-service's action name for a legacy import (ADR 19). */
    private static final int RECENT = 20;

    private static final String LEGACY_IMPORTED = "LEGACY_PRODUCTS_IMPORTED";

    private final BillingApi billing;
    private final ProductApi products;
    private final OperationsApi operations;

    BillingBackOfficeController(BillingApi billing, ProductApi products, OperationsApi operations) {
        this.billing = billing;
        this.products = products;
        this.operations = operations;
    }

    @ModelAttribute("boSection")
    String section() {
        return "invoices";
    }

    @GetMapping("/back-office/invoices")
    String invoices(Model model) {
        return page(model);
    }

    /**
     * The invoices page with the open and overdue invoices, most urgent first (null when billing cannot answer right
     * now: the page says so); only pages that render it ask billing, not the actions that redirect.
     */
    private String page(Model model) {
        List<BillingApi.OperatorInvoice> open;
        try {
            open = billing.openInvoices();
        } catch (ServiceUnavailable | ApiProblem e) {
            open = null;
        }
        model.addAttribute("openInvoices", open);
        model.addAttribute("actions", actions());
        return "backoffice/invoices";
    }

    /**
     * The latest operator actions on invoices and imports: billing-service's trail and product-service's legacy
     * imports, newest first; null when either cannot be read right now.
     */
    private List<OperationsApi.AuditEntry> actions() {
        try {
            List<OperationsApi.AuditEntry> actions = new ArrayList<>(operations.recentActions("billing", null, RECENT));
            actions.addAll(operations.recentActions("product", LEGACY_IMPORTED, RECENT));
            actions.sort(Comparator.comparing(OperationsApi.AuditEntry::at).reversed());
            return actions.subList(0, Math.min(RECENT, actions.size()));
        } catch (ServiceUnavailable | ApiProblem e) {
            return null;
        }
    }

    @PostMapping("/back-office/invoices/bank-statements")
    String importStatement(@RequestParam(name = "statement", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("statementMissing", true);
            return page(model);
        }
        try {
            model.addAttribute("imported", billing.importStatement(file.getBytes()));
        } catch (ApiProblem refused) {
            model.addAttribute("statementRefused", true);
        }
        return page(model);
    }

    /** The old CPS system's CSV export of product registrations (product-service), with each rejected line. */
    @PostMapping("/back-office/invoices/legacy-registrations")
    String importLegacy(@RequestParam(name = "legacyCsv", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("legacyMissing", true);
            return page(model);
        }
        try {
            model.addAttribute("legacyImported", products.importLegacy(file.getBytes()));
        } catch (ApiProblem refused) {
            model.addAttribute("legacyRefused", refused.status() == 413 ? 413 : refused.status() == 403 ? 403 : 400);
        }
        return page(model);
    }

    @PostMapping("/back-office/invoices/mark-paid")
    String markPaid(
            @RequestParam(name = "invoiceId", defaultValue = "") String invoiceId,
            @RequestParam(name = "note", defaultValue = "") String note,
            RedirectAttributes redirect) {
        if (invoiceId.isBlank()) {
            redirect.addFlashAttribute("invoiceMissing", true);
            return "redirect:/back-office/invoices";
        }
        try {
            billing.markPaid(invoiceId.strip(), note.strip());
            redirect.addFlashAttribute("markedPaid", invoiceId.strip());
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("markPaidRefused", refused.status());
        }
        return "redirect:/back-office/invoices";
    }

    @PostMapping("/back-office/invoices/{invoiceId}/mark-paid")
    String markOnePaid(
            @PathVariable String invoiceId,
            @RequestParam(name = "note", defaultValue = "") String note,
            RedirectAttributes redirect) {
        return markPaid(invoiceId, note, redirect);
    }
}
