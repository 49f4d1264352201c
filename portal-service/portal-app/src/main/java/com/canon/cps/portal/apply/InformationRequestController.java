package com.canon.cps.portal.apply;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.client.VerificationApi;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /apply/information?token=}: the link of the e-mail in which an operator asked an applicant for more
 * information. The page shows the operator's message and takes one document; the case then goes back to review.
 * The applicant has no password yet: the link's single-use token is the proof.
 */
@Controller
class InformationRequestController {

    private final VerificationApi verification;

    InformationRequestController(VerificationApi verification) {
        this.verification = verification;
    }

    @GetMapping("/apply/information")
    String page(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("documentTypes", ApplyController.ALL_DOCUMENTS);
        if (token.isBlank()) {
            model.addAttribute("state", "invalid");
            return "apply-information";
        }
        try {
            model.addAttribute("request", verification.informationRequest(token));
            model.addAttribute("state", "ask");
        } catch (ApiProblem unknown) {
            model.addAttribute("state", "invalid");
        }
        return "apply-information";
    }

    @PostMapping("/apply/information")
    String answer(
            @RequestParam(name = "token", defaultValue = "") String token,
            @RequestParam(name = "documentType", defaultValue = "") String documentType,
            @RequestParam(name = "document", required = false) MultipartFile document,
            Model model)
            throws IOException {
        String page = page(token, model);
        if (!"ask".equals(model.getAttribute("state"))) {
            return page;
        }
        VerificationApi.InformationRequest request = (VerificationApi.InformationRequest) model.getAttribute("request");
        if (!ApplyController.ALL_DOCUMENTS.contains(documentType)) {
            model.addAttribute("error", "documentType");
            return page;
        }
        if (document == null || document.isEmpty()) {
            model.addAttribute("error", "document");
            return page;
        }
        try {
            String documentId = verification.upload(
                    document.getBytes(), document.getOriginalFilename(), document.getContentType(), documentType);
            verification.answerInformationRequest(request.caseId(), documentId, token);
            model.addAttribute("state", "done");
        } catch (ApiProblem refused) {
            model.addAttribute(
                    "error", refused.status() == 413 ? "tooLarge" : refused.status() == 415 ? "format" : "refused");
        } catch (ServiceUnavailable down) {
            model.addAttribute("error", "unavailable");
        }
        return page;
    }
}
