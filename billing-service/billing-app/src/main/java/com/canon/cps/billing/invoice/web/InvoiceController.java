package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.document.EInvoiceXml;
import com.canon.cps.billing.invoice.document.InvoicePdf;
import com.canon.cps.billing.invoice.document.TaxRetention;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.query.InvoiceQueries;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.security.AccountToRead;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's invoices and their credit notes (the account is always the token's subject; another account's invoice
 * is "not found"). Operators may read any invoice. The PDF (a Factur-X / ZUGFeRD e-invoice) and the XRechnung are rendered from the
 * issued event itself, so the PDF is the very document that was issued and mailed, whatever happened to the read model.
 * An erased account's documents are the PDFs retained at its erasure (ADR 24), until the retention ends (then 404); its
 * XRechnung is not rendered any more.
 */
@RestController
class InvoiceController {

    private final InvoiceQueries queries;
    private final EventStore events;
    private final InvoicePdf pdf;
    private final EInvoiceXml eInvoice;
    private final PersonalDataErasure erasure;
    private final TaxRetention retention;

    InvoiceController(
            InvoiceQueries queries,
            EventStore events,
            InvoicePdf pdf,
            EInvoiceXml eInvoice,
            PersonalDataErasure erasure,
            TaxRetention retention) {
        this.queries = queries;
        this.events = events;
        this.pdf = pdf;
        this.eInvoice = eInvoice;
        this.erasure = erasure;
        this.retention = retention;
    }

    /** The member's invoices; any operator reads a member's with {@code ?accountId=} (ADR 19), every status. */
    @GetMapping("/api/invoices")
    @PreAuthorize("hasRole('MEMBER') or " + OperatorAccess.ANY_OPERATOR)
    List<InvoiceSummary> invoices(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String accountId) {
        return queries.byAccount(AccountToRead.of(jwt, accountId)).stream()
                .map(InvoiceSummary::of)
                .toList();
    }

    @GetMapping("/api/invoices/{invoiceId}")
    @PreAuthorize("hasAnyRole('MEMBER', 'OPERATOR')")
    InvoiceDetails invoice(@AuthenticationPrincipal Jwt jwt, @PathVariable String invoiceId) {
        InvoiceView view = queries.byId(invoiceId)
                .filter(v -> mayRead(jwt, v.accountId()))
                .orElseThrow(() -> ApiProblem.notFound("No invoice " + invoiceId));
        return InvoiceDetails.of(view);
    }

    @GetMapping("/api/invoices/{invoiceId}/pdf")
    @PreAuthorize("hasAnyRole('MEMBER', 'OPERATOR')")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Jwt jwt, @PathVariable String invoiceId) {
        InvoiceIssued issued = issued(invoiceId)
                .filter(e -> mayRead(jwt, e.accountId()))
                .orElseThrow(() -> ApiProblem.notFound("No invoice " + invoiceId));
        byte[] document = erasure.isErased(issued.accountId())
                ? retained(issued.invoiceId(), "No invoice " + invoiceId)
                : pdf.render(issued);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(issued.number() + ".pdf")
                                .build()
                                .toString())
                .body(document);
    }

    /**
     * The invoice as XRechnung 3.0 (CII), for a buyer in Germany (its public bodies and many businesses take invoices
     * in this form only). The member's own invoices only; addressed to the e-mail address of the member's login
     * (BT-49), else to the buyer's German VAT ID. Another country's invoice is a 409: XRechnung is Germany's CIUS.
     */
    @GetMapping("/api/invoices/{invoiceId}/xrechnung")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<byte[]> xRechnung(@AuthenticationPrincipal Jwt jwt, @PathVariable String invoiceId) {
        InvoiceIssued issued = issued(invoiceId)
                .filter(e -> CurrentMember.accountId(jwt).equals(e.accountId()))
                .filter(e -> !erasure.isErased(e.accountId()))
                .orElseThrow(() -> ApiProblem.notFound("No invoice " + invoiceId));
        if (issued.buyer() == null || !"DE".equalsIgnoreCase(issued.buyer().country())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "XRechnung only for buyers in Germany",
                    "Invoice " + issued.number() + " is addressed to a buyer outside Germany; its PDF carries the"
                            + " EN 16931 e-invoice (Factur-X / ZUGFeRD).");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(issued.number() + "-xrechnung.xml")
                                .build()
                                .toString())
                .body(eInvoice.xRechnung(issued, jwt.getClaimAsString("email")));
    }

    /**
     * A credit note of the invoice as a Factur-X / ZUGFeRD PDF (type 381), rendered from its issued event like the
     * invoice's PDF: the very document that was issued and mailed. The member's own invoices only (operators any).
     */
    @GetMapping("/api/invoices/{invoiceId}/credit-notes/{creditNoteId}/pdf")
    @PreAuthorize("hasAnyRole('MEMBER', 'OPERATOR')")
    ResponseEntity<byte[]> creditNotePdf(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String invoiceId, @PathVariable String creditNoteId) {
        if (!CreditNoteController.isUuid(invoiceId)) {
            throw ApiProblem.notFound("No invoice " + invoiceId);
        }
        CreditNoteIssued creditNote = events.readEvents(invoiceId)
                .asStream()
                .map(m -> m.getPayload())
                .filter(CreditNoteIssued.class::isInstance)
                .map(CreditNoteIssued.class::cast)
                .filter(c -> c.creditNoteId().equals(creditNoteId))
                .filter(c -> mayRead(jwt, c.accountId()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No credit note " + creditNoteId + " of invoice " + invoiceId));
        byte[] document = erasure.isErased(creditNote.accountId())
                ? retained(creditNoteId, "No credit note " + creditNoteId + " of invoice " + invoiceId)
                : pdf.render(creditNote);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(creditNote.number() + ".pdf")
                                .build()
                                .toString())
                .body(document);
    }

    /** The PDF retained of an erased account's invoice or credit note; none once the retention ended. */
    private byte[] retained(String documentId, String notFound) {
        return retention
                .document(documentId)
                .map(TaxRetention.Document::pdf)
                .orElseThrow(() -> ApiProblem.notFound(notFound));
    }

    private Optional<InvoiceIssued> issued(String invoiceId) {
        return events.readEvents(invoiceId)
                .asStream()
                .map(m -> m.getPayload())
                .filter(InvoiceIssued.class::isInstance)
                .map(InvoiceIssued.class::cast)
                .findFirst();
    }

    private static boolean mayRead(Jwt jwt, String accountId) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return (roles != null && roles.contains("OPERATOR"))
                || CurrentMember.accountId(jwt).equals(accountId);
    }
}
