package com.canon.cps.membership.subscription.web;

import com.canon.cps.membership.subscription.domain.ChangePaymentCard;
import com.canon.cps.membership.subscription.domain.ChangeSubscription;
import com.canon.cps.membership.subscription.domain.SubscriptionSettings;
import com.canon.cps.membership.subscription.query.MembershipQueries;
import com.canon.cps.membership.subscription.query.MembershipView;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Manage Subscription": auto-renewal, the next term's tier and the card, for the member's own membership (active or
 * suspended). Each answers from the membership's decision; a refusal records nothing.
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class SubscriptionController {

    /** Tokens of real gateways are far shorter; anything longer is not a token. */
    private static final int MAX_TOKEN_LENGTH = 255;

    private static final String NO_MEMBERSHIP = "There is no active membership to manage";

    private final CommandGateway commands;
    private final MembershipQueries queries;

    SubscriptionController(CommandGateway commands, MembershipQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * {@code {"autoRenew": false}} switches auto-renewal; {@code {"nextTier": "GOLD"}} orders the next term with that
     * tier (the current tier again cancels a change). 400 without either or for an unknown tier, 422 for a tier the
     * points do not reach, 409 without a membership or once the next term is ordered.
     */
    @PatchMapping("/api/membership/subscription")
    SubscriptionResponse subscription(
            @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) SubscriptionRequest r) {
        if (r == null || (r.autoRenew() == null && r.nextTier() == null)) {
            throw ApiProblem.invalid("autoRenew", "autoRenew or nextTier is required");
        }
        if (r.nextTier() != null && r.nextTier().isBlank()) {
            throw ApiProblem.invalid("nextTier", "must be a CPS tier");
        }
        String accountId = CurrentMember.accountId(jwt);
        String nextTier = r.nextTier() == null ? null : r.nextTier().strip().toUpperCase(Locale.ROOT);
        try {
            SubscriptionSettings s = commands.sendAndWait(new ChangeSubscription(accountId, r.autoRenew(), nextTier));
            String number = queries.byAccount(accountId)
                    .map(MembershipView::membershipNumber)
                    .orElse(null);
            return new SubscriptionResponse(number, s.autoRenew(), s.nextTier());
        } catch (RuntimeException e) {
            throw MembershipProblems.of(e, "Change refused", HttpStatus.CONFLICT, NO_MEMBERSHIP);
        }
    }

    /** What a card change answers: billing verifies the card now, and the member is told if it is declined. */
    record PaymentMethodChange(String requestId, String status) {}

    record PaymentMethodRequest(String cardToken) {}

    /**
     * A new card (a token from the payment gateway's hosted card form, never a card number) for the next charges:
     * 202 while billing verifies it with a zero amount. 400 without a token or for a card number, 409 without a
     * membership or for one paid by bank transfer.
     */
    @PutMapping("/api/membership/payment-method")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PaymentMethodChange paymentMethod(
            @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) PaymentMethodRequest r) {
        if (r == null || r.cardToken() == null || r.cardToken().isBlank()) {
            throw ApiProblem.invalid("cardToken", "is required");
        }
        if (r.cardToken().length() > MAX_TOKEN_LENGTH) {
            throw ApiProblem.invalid("cardToken", "must be a payment gateway token");
        }
        try {
            String requestId = commands.sendAndWait(new ChangePaymentCard(CurrentMember.accountId(jwt), r.cardToken()));
            return new PaymentMethodChange(requestId, "VERIFYING");
        } catch (RuntimeException e) {
            throw MembershipProblems.of(e, "Change refused", HttpStatus.CONFLICT, NO_MEMBERSHIP);
        }
    }
}
