package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.ApiClient;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.OperationsApi;
import com.canon.cps.portal.client.VerificationApi;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The verification queue (the people who verify businesses within 2 business days): open cases ordered by deadline
 * with their SLA state, filtered by status and country; a case with the applicant's data, the registry's answer and
 * its consultation number, the documents to view in the page or download, and the decision: approve, reject with a
 * reason, request information with a message. The operator's name goes with every decision (verification-service
 * records who decided).
 */
@Controller
class VerificationQueueController {

    static final Set<String> OPEN = Set.of("OPEN", "IN_REVIEW", "INFO_REQUESTED");
    private static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "REQUEST_INFO");

    private final VerificationApi verification;
    private final OperationsApi operations;
    private final Clock clock = Clock.systemUTC();

    VerificationQueueController(VerificationApi verification, OperationsApi operations) {
        this.operations = operations;
        this.verification = verification;
    }

    @ModelAttribute("boSection")
    String section() {
        return "verification";
    }

    /** A case in the queue with its SLA state. */
    record Row(VerificationApi.Case c, SlaState sla) {}

    @GetMapping("/back-office")
    String home() {
        return "redirect:/back-office/verification";
    }

    @GetMapping("/back-office/verification")
    String queue(
            @RequestParam(name = "status", defaultValue = "") String status,
            @RequestParam(name = "country", defaultValue = "") String country,
            Model model) {
        List<VerificationApi.Case> all = verification.cases(null);
        List<Row> rows = all.stream()
                .filter(c -> status.isEmpty()
                        ? OPEN.contains(c.status())
                        : c.status().equals(status))
                .filter(c -> country.isEmpty() || country.equals(c.country()))
                .sorted(Comparator.comparing(
                        VerificationApi.Case::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(c -> new Row(c, SlaState.of(c, clock)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "openCount", all.stream().filter(c -> OPEN.contains(c.status())).count());
        model.addAttribute(
                "countries",
                all.stream()
                        .map(VerificationApi.Case::country)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("status", status);
        model.addAttribute("country", country);
        return "backoffice/queue";
    }

    @GetMapping("/back-office/verification/{caseId}")
    String caseFile(@PathVariable String caseId, Model model) {
        VerificationApi.Case c = find(caseId);
        model.addAttribute("c", c);
        model.addAttribute("sla", SlaState.of(c, clock));
        model.addAttribute("actions", operations.auditIfReadable("verification", caseId));
        return "backoffice/case";
    }

    /** A document of the case, shown in the page (a frame of this site only) or downloaded. */
    @GetMapping("/back-office/verification/{caseId}/documents/{documentId}")
    ResponseEntity<byte[]> document(
            @PathVariable String caseId,
            @PathVariable String documentId,
            @RequestParam(name = "download", defaultValue = "false") boolean download) {
        ApiClient.Download file = verification.document(caseId, documentId);
        return ResponseEntity.ok()
                .contentType(file.contentType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (download ? "attachment" : "inline") + "; filename=\"" + documentId + extension(file) + "\"")
                .body(file.bytes());
    }

    @PostMapping("/back-office/verification/{caseId}/decision")
    String decide(
            @PathVariable String caseId,
            @RequestParam(name = "decision") String decision,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (!DECISIONS.contains(decision)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (!decision.equals("APPROVE") && reason.isBlank()) {
            redirect.addFlashAttribute("reasonMissing", decision);
            return "redirect:/back-office/verification/" + caseId;
        }
        try {
            verification.decide(caseId, decision, decision.equals("APPROVE") ? null : reason.strip());
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.status());
            return "redirect:/back-office/verification/" + caseId;
        }
        redirect.addFlashAttribute("decided", decision);
        redirect.addFlashAttribute("decidedCompany", find(caseId).companyName());
        return "redirect:/back-office/verification";
    }

    private VerificationApi.Case find(String caseId) {
        try {
            return verification.byId(caseId);
        } catch (ApiProblem problem) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String extension(ApiClient.Download file) {
        String type = file.contentType() == null ? "" : file.contentType().toString();
        return type.contains("pdf") ? ".pdf" : type.contains("png") ? ".png" : type.contains("jpeg") ? ".jpg" : "";
    }
}
