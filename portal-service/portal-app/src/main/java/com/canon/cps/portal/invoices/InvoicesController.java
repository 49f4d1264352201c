package com.canon.cps.portal.invoices;

import com.canon.cps.portal.client.ApiClient;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * An invoice: lines, VAT, due date, status, the PDF, and for a bank transfer the account and the {@code RF}
 * reference to pay with. billing-service answers only the member's own invoices (404 for anyone else's).
 */
@Controller
class InvoicesController {

    private final BillingApi billing;

    InvoicesController(BillingApi billing) {
        this.billing = billing;
    }

    @ModelAttribute("section")
    String section() {
        return "subscriptions";
    }

    @GetMapping("/invoices/{invoiceId}")
    String invoice(@PathVariable String invoiceId, Model model) {
        model.addAttribute("invoice", mine(invoiceId));
        return "invoice";
    }

    @GetMapping("/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String invoiceId) {
        return attachment(mine(invoiceId).number(), billing.pdf(invoiceId));
    }

    @GetMapping("/invoices/{invoiceId}/credit-notes/{creditNoteId}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable String invoiceId, @PathVariable String creditNoteId) {
        List<BillingApi.CreditNote> creditNotes = mine(invoiceId).creditNotes();
        BillingApi.CreditNote creditNote = (creditNotes == null ? List.<BillingApi.CreditNote>of() : creditNotes)
                .stream()
                        .filter(cn -> cn.creditNoteId().equals(creditNoteId))
                        .findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return attachment(creditNote.number(), billing.creditNotePdf(invoiceId, creditNoteId));
    }

    private static ResponseEntity<byte[]> attachment(String number, ApiClient.Download pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(number + ".pdf")
                                .build()
                                .toString())
                .body(pdf.bytes());
    }

    private BillingApi.Invoice mine(String invoiceId) {
        try {
            return billing.invoice(invoiceId);
        } catch (ApiProblem problem) {
            throw new ResponseStatusException(
                    problem.status() == 404 || problem.status() == 403 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        }
    }
}
