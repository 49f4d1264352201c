package com.canon.cps.verification.review.web;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/verification/decision-due?country=GB&submittedAt=2026-12-06T13:05:00Z} (no token): the date by which
 * an application is decided, for the applicant's "application received" page. It is computed by the same
 * {@link BusinessCalendar} bean that gives a case its deadline, so the page shows the date the case will get.
 * Without {@code submittedAt} the application counts as submitted now, on the business clock.
 */
@RestController
class DecisionDueController {

    private static final int MAX_INPUT_LENGTH = 64;

    private final BusinessCalendar calendar;
    private final Clock clock;

    DecisionDueController(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/verification/decision-due")
    DecisionDue decisionDue(
            @RequestParam(required = false) String country, @RequestParam(required = false) String submittedAt) {
        if (country == null || country.isBlank()) {
            throw ApiProblem.invalid("country", "is required (ISO code of the applicant's country, e.g. GB)");
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (code.length() > MAX_INPUT_LENGTH || !BusinessCalendar.isSupported(code)) {
            throw ApiProblem.invalid(
                    "country", "unknown or unsupported country; one of " + BusinessCalendar.supportedCountries());
        }
        Instant submitted = submittedAt == null ? clock.instant() : instant(submittedAt);
        return new DecisionDue(
                code, submitted, calendar.deadline(submitted, code), calendar.deadlineDate(submitted, code));
    }

    private static Instant instant(String text) {
        try {
            if (text.length() > MAX_INPUT_LENGTH) {
                throw new DateTimeParseException("too long", text, 0);
            }
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("submittedAt", "must be an ISO-8601 instant such as 2026-12-06T13:05:00Z");
        }
    }
}
