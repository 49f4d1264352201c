package com.canon.cps.verification.review.web;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.review.domain.CaseStatus;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import com.canon.cps.verification.review.query.VerificationCaseView;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('OPERATOR')")
class VerificationCaseController {

    private final VerificationCaseQueries queries;

    VerificationCaseController(VerificationCaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/verification/cases")
    List<VerificationCaseView> cases(
            @RequestParam(required = false) String status, @RequestParam(required = false) String accountId) {
        if (status != null
                && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw ApiProblem.invalid("status", "must be one of " + Arrays.toString(CaseStatus.values()));
        }
        return queries.find(status, accountId);
    }

    @GetMapping("/api/verification/cases/{caseId}")
    VerificationCaseView byId(@PathVariable String caseId) {
        return queries.byId(caseId).orElseThrow(() -> ApiProblem.notFound("No case " + caseId));
    }
}
