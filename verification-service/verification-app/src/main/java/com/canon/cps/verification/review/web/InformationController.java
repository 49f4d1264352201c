package com.canon.cps.verification.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's answer to an information request, by the link of its e-mail (no token: the applicant has no
 * password yet): {@code GET /api/verification/information-requests/{token}} (what the operator asked) and
 * {@code POST /api/verification/cases/{caseId}/documents} (the answer, a document uploaded before).
 */
@RestController
class InformationController {

    /** Body of the answer: the uploaded document and the link's token. */
    record AnswerRequest(
            @NotBlank @Size(max = 64) String documentId,
            @NotBlank @Size(max = 200) String token) {}

    /** The answer is recorded: the case is back in the operators' queue. */
    record AnswerAccepted(String caseId, String documentId, String status) {}

    private final InformationAnswers answers;

    InformationController(InformationAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/api/verification/information-requests/{token}")
    InformationAnswers.Request request(@PathVariable String token) {
        return answers.request(token.length() > 200 ? "" : token);
    }

    @PostMapping("/api/verification/cases/{caseId}/documents")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AnswerAccepted answer(@PathVariable String caseId, @Valid @RequestBody AnswerRequest request) {
        answers.answer(caseId, request.token(), request.documentId());
        return new AnswerAccepted(caseId, request.documentId(), "IN_REVIEW");
    }
}
