package com.canon.cps.membership.subscription.web;

import com.canon.cps.membership.subscription.domain.MembershipRuleViolation;
import com.canon.cps.platform.web.ApiProblem;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;

/** The membership's refusals as problems: 409 for state conflicts, 422 for unmet conditions, 400 for fields. */
final class MembershipProblems {

    private MembershipProblems() {}

    /**
     * The problem for a refused command ({@code title} for an unmet condition); {@code notFoundStatus} and
     * {@code notFoundDetail} answer for an account that has no membership aggregate at all.
     */
    static RuntimeException of(RuntimeException e, String title, HttpStatus notFoundStatus, String notFoundDetail) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MembershipRuleViolation v) {
                return of(v, title);
            }
            if (cause instanceof AggregateNotFoundException) {
                return new ApiProblem(notFoundStatus, "Refused", notFoundDetail);
            }
        }
        return e;
    }

    static ApiProblem of(MembershipRuleViolation v, String title) {
        return switch (v.rule()) {
            case ALREADY_ACTIVE, NOT_ACTIVE, NOT_PAID_BY_CARD, NEXT_TERM_ORDERED, ACCOUNT_ERASED ->
                ApiProblem.conflict(v.getMessage());
            case NOT_INVITED, MARKET_UNKNOWN, TIER_NOT_AVAILABLE ->
                new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        title,
                        v.getMessage(),
                        v.field() == null ? List.of() : List.of(new ApiProblem.FieldError(v.field(), v.getMessage())));
            case TERMS_NOT_ACCEPTED, INVALID_PAYMENT, UNKNOWN_TIER -> ApiProblem.invalid(v.field(), v.getMessage());
        };
    }
}
