package com.canon.cps.account.onboarding.web;

import com.canon.cps.account.onboarding.query.ApplicationStatusQueries;
import com.canon.cps.account.onboarding.query.ApplicationStatusView;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApplicationController {

    private final ApplicationService applications;
    private final ApplicationStatusQueries statuses;

    ApplicationController(ApplicationService applications, ApplicationStatusQueries statuses) {
        this.applications = applications;
        this.statuses = statuses;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationResponse apply(@Valid @RequestBody ApplicationRequest request) {
        String accountId = applications.apply(request);
        return new ApplicationResponse(accountId, "PENDING_VERIFICATION");
    }

    @GetMapping("/api/accounts/applications/{accountId}")
    ApplicationResponse status(@PathVariable String accountId) {
        ApplicationStatusView view =
                statuses.byId(accountId).orElseThrow(() -> ApiProblem.notFound("No application " + accountId));
        return new ApplicationResponse(view.accountId(), view.status());
    }
}
