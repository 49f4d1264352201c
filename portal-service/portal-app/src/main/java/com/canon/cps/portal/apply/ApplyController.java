package com.canon.cps.portal.apply;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.client.VerificationApi;
import com.canon.cps.portal.web.FormErrors;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /apply}: the Business Account application (seed steps 1 to 3). A VAT-liable business gives its VAT ID, or
 * an invoice showing it and the company name, or both; a business that is not VAT-liable uploads exactly one
 * document showing company name and address. The document goes to verification-service first, then the
 * application to account-service; {@code /apply/received} says by when we decide.
 */
@Controller
class ApplyController {

    static final List<String> VAT_DOCUMENTS = List.of("INVOICE_WITH_VAT_ID");
    static final List<String> ALL_DOCUMENTS = List.of(
            "INVOICE_WITH_VAT_ID",
            "VAT_CERTIFICATE",
            "COMMERCIAL_INVOICE",
            "BUSINESS_LICENCE",
            "TRADE_REGISTER_EXTRACT");
    static final List<String> NON_VAT_DOCUMENTS =
            List.of("COMMERCIAL_INVOICE", "BUSINESS_LICENCE", "TRADE_REGISTER_EXTRACT");
    private static final Set<String> DOCUMENT_TYPES =
            Set.of("INVOICE_WITH_VAT_ID", "COMMERCIAL_INVOICE", "BUSINESS_LICENCE", "TRADE_REGISTER_EXTRACT");
    private static final Map<String, String> API_FIELDS = Map.of(
            "address.line1", "line1",
            "address.postalCode", "postalCode",
            "address.city", "city",
            "address.country", "country",
            "contactEmail", "email",
            "evidenceDocumentIds", "document",
            "authorisedToApply", "authorised");

    private final AccountApi accounts;
    private final VerificationApi verification;

    ApplyController(AccountApi accounts, VerificationApi verification) {
        this.accounts = accounts;
        this.verification = verification;
    }

    @ModelAttribute("documentTypes")
    List<String> documentTypes() {
        return List.of("INVOICE_WITH_VAT_ID", "COMMERCIAL_INVOICE", "BUSINESS_LICENCE", "TRADE_REGISTER_EXTRACT");
    }

    @GetMapping("/apply")
    String form(Model model) {
        model.addAttribute(
                "form", ApplicationForm.empty(LocaleContextHolder.getLocale().getLanguage()));
        return "apply";
    }

    @PostMapping("/apply")
    String apply(
            @Valid @ModelAttribute("form") ApplicationForm form, BindingResult result, RedirectAttributes redirect) {
        boolean hasDocument = form.hasDocument();
        checkEvidence(form, hasDocument, result);
        if (result.hasErrors()) {
            return "apply";
        }
        try {
            String documentId = hasDocument ? upload(form.document(), form.documentType(), result) : null;
            if (result.hasErrors()) {
                return "apply";
            }
            List<String> documents = documentId == null ? List.of() : List.of(documentId);
            AccountApi.Applied applied = accounts.apply(new AccountApi.Application(
                    form.companyName().trim(),
                    new AccountApi.Address(
                            form.line1().trim(),
                            form.postalCode().trim(),
                            form.city().trim(),
                            form.country()),
                    form.contactName().trim(),
                    form.email().trim(),
                    form.language(),
                    form.isVatLiable(),
                    form.isVatLiable() && form.hasVatId() ? form.vatId().trim() : null,
                    documents,
                    blankToNull(form.legacyCpsEmail()),
                    Boolean.TRUE.equals(form.authorised())));
            redirect.addFlashAttribute("submittedAt", Instant.now().toString());
            redirect.addFlashAttribute("country", form.country());
            redirect.addFlashAttribute("email", form.email().trim());
            redirect.addFlashAttribute("accountId", applied.accountId());
            return "redirect:/apply/received";
        } catch (ApiProblem problem) {
            if (problem.status() == 409) {
                FormErrors.at(result, "apply", "email", "exists");
            } else if (problem.status() == 429) {
                FormErrors.top(result, "apply", 429); // too many applications from this address for now
            } else {
                FormErrors.reject(result, "apply", problem, API_FIELDS);
            }
            return "apply";
        } catch (ServiceUnavailable down) {
            FormErrors.top(result, "apply", 503);
            return "apply";
        }
    }

    /** The seed's evidence rules as guidance at the fields; account-service checks them again. */
    private static void checkEvidence(ApplicationForm form, boolean hasDocument, BindingResult result) {
        if (result.hasFieldErrors("vatLiable")) {
            return;
        }
        if (hasDocument && !DOCUMENT_TYPES.contains(form.documentType())) {
            FormErrors.at(result, "apply", "documentType", "missing");
        }
        if (form.isVatLiable()) {
            if (!form.hasVatId() && !hasDocument) {
                FormErrors.at(result, "apply", "vatId", "missing");
            } else if (!form.hasVatId() && !VAT_DOCUMENTS.contains(form.documentType())) {
                FormErrors.at(result, "apply", "documentType", "vatInvoice");
            }
        } else {
            if (!hasDocument) {
                FormErrors.at(result, "apply", "document", "missing");
            } else if (!NON_VAT_DOCUMENTS.contains(form.documentType())) {
                FormErrors.at(result, "apply", "documentType", "nonVat");
            }
        }
    }

    private String upload(MultipartFile document, String type, BindingResult result) {
        try {
            return verification.upload(
                    document.getBytes(), document.getOriginalFilename(), document.getContentType(), type);
        } catch (ApiProblem refused) {
            if (refused.status() == 429) {
                FormErrors.top(result, "apply", 429);
            } else {
                FormErrors.at(result, "apply", "document", refused.status() == 413 ? "tooLarge" : "format");
            }
            return null;
        } catch (IOException e) {
            FormErrors.at(result, "apply", "document", "format");
            return null;
        }
    }

    /** Checked as the applicant types (htmx), offline: format and check digit, no registry. */
    @GetMapping("/apply/vat-check")
    String vatCheck(@RequestParam(name = "vatId", defaultValue = "") String vatId, Model model) {
        String typed = vatId.trim();
        if (typed.length() < 4 || typed.length() > 32) {
            return "fragments/vat-check :: empty";
        }
        try {
            model.addAttribute("check", verification.checkVatId(typed));
        } catch (ApiProblem | ServiceUnavailable e) {
            return "fragments/vat-check :: empty";
        }
        return "fragments/vat-check :: result";
    }

    @GetMapping("/apply/received")
    String received(Model model) {
        if (!model.containsAttribute("submittedAt")) {
            return "redirect:/apply";
        }
        try {
            VerificationApi.DecisionDue due = verification.decisionDue(
                    (String) model.getAttribute("country"), Instant.parse((String) model.getAttribute("submittedAt")));
            model.addAttribute("decisionDue", due.decisionDue());
        } catch (ApiProblem | ServiceUnavailable e) {
            model.addAttribute("decisionDue", null); // the page then says "within 2 business days"
        }
        return "apply-received";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
