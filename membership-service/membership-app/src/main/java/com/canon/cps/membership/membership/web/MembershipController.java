package com.canon.cps.membership.membership.web;

import com.canon.cps.membership.membership.MembershipNumbers;
import com.canon.cps.membership.membership.domain.Activation;
import com.canon.cps.membership.membership.domain.ChangeAutoRenewal;
import com.canon.cps.membership.membership.domain.Checkout;
import com.canon.cps.membership.membership.domain.MembershipOffer;
import com.canon.cps.membership.membership.domain.MembershipRuleViolation;
import com.canon.cps.membership.membership.domain.MembershipStatus;
import com.canon.cps.membership.membership.domain.PaymentMethod;
import com.canon.cps.membership.membership.domain.Tier;
import com.canon.cps.membership.membership.query.MembershipQueries;
import com.canon.cps.membership.membership.query.MembershipView;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's CPS pages: tiers, checkout, dashboard, manage subscription. The account is always the token's subject.
 * Reads come from the projection (eventually consistent); checkout and the subscription switch answer from the
 * aggregate's decision.
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class MembershipController {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String INDIVIDUAL = "INDIVIDUAL";
    private static final String BUSINESS = "BUSINESS";

    private final MembershipQueries queries;
    private final MembershipOffer offer;
    private final MembershipNumbers numbers;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    MembershipController(
            MembershipQueries queries,
            MembershipOffer offer,
            MembershipNumbers numbers,
            CommandGateway commands,
            TransactionTemplate transactions) {
        this.queries = queries;
        this.offer = offer;
        this.numbers = numbers;
        this.commands = commands;
        this.transactions = transactions;
    }

    /**
     * The tiers of the INDIVIDUAL (default) or BUSINESS view. The BUSINESS view exists only above the business
     * threshold: asking for it earlier is a 400, so a client never shows business tiers the member cannot have.
     */
    @GetMapping("/api/membership/tiers")
    TiersResponse tiers(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String view) {
        String v = view == null ? INDIVIDUAL : view.toUpperCase(Locale.ROOT);
        if (!v.equals(INDIVIDUAL) && !v.equals(BUSINESS)) {
            throw ApiProblem.invalid("view", "must be INDIVIDUAL or BUSINESS");
        }
        MembershipView m = queries.byAccount(CurrentMember.accountId(jwt)).orElse(null);
        int points = m == null ? 0 : m.pointsOrZero();
        boolean business = offer.businessTiersAvailable(points);
        if (v.equals(BUSINESS) && !business) {
            throw ApiProblem.invalid(
                    "view", "business tiers are available above " + offer.businessTiersAbove() + " points");
        }
        String country = m == null ? null : m.country();
        List<TiersResponse.TierOffer> tiers = offer.tiers().stream()
                .filter(t -> t.business() == v.equals(BUSINESS))
                .map(t -> tierOffer(t, points, country))
                .toList();
        return new TiersResponse(points, m != null && m.isInvited(), business, v, tiers);
    }

    private TiersResponse.TierOffer tierOffer(Tier t, int points, String country) {
        TiersResponse.Money price = offer.price(t.code(), country)
                .map(p -> new TiersResponse.Money(p.amount(), p.currency()))
                .orElse(null);
        return new TiersResponse.TierOffer(
                t.code(),
                t.name(),
                t.minPoints(),
                offer.available(t, points),
                price,
                true,
                offer.term().toString());
    }

    @GetMapping("/api/membership")
    MembershipResponse membership(@AuthenticationPrincipal Jwt jwt) {
        MembershipView m = queries.byAccount(CurrentMember.accountId(jwt)).orElse(null);
        if (m == null || m.status() == null) {
            String status = m != null && m.isInvited() ? MembershipStatus.INVITED.name() : MembershipStatus.NONE.name();
            return new MembershipResponse(status, null, null, null, null, null, null, null);
        }
        String tierName = offer.tier(m.tier()).map(Tier::name).orElse(m.tier());
        String display =
                m.expiresOn() == null ? null : LocalDate.parse(m.expiresOn()).format(DISPLAY);
        return new MembershipResponse(
                m.status(),
                m.tier(),
                tierName,
                m.membershipNumber(),
                m.startsOn(),
                m.expiresOn(),
                display,
                m.autoRenew());
    }

    /**
     * Buys a tier. The number is allocated and the checkout's events are stored in one transaction; a refusal rolls
     * both back (the sequence position is burnt, never handed out again).
     */
    @PostMapping("/api/membership/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    CheckoutResponse checkout(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) CheckoutRequest r) {
        String accountId = CurrentMember.accountId(jwt);
        Checkout template = command(accountId, r);
        try {
            Activation a = transactions.execute(tx -> commands.sendAndWait(new Checkout(
                    template.accountId(),
                    template.tier(),
                    template.autoRenew(),
                    template.purchaseOrderNumber(),
                    template.termsAccepted(),
                    template.termsVersion(),
                    template.paymentMethod(),
                    template.cardToken(),
                    numbers.allocate(accountId))));
            return new CheckoutResponse(
                    a.membershipNumber(), a.tier(), "ACTIVE", a.startsOn(), a.expiresOn(), a.autoRenew());
        } catch (RuntimeException e) {
            throw problem(e, HttpStatus.UNPROCESSABLE_CONTENT, "The account has not been invited to CPS");
        }
    }

    /** Validates the request's shape (400 with {@code errors}); the membership decides everything else. */
    static Checkout command(String accountId, CheckoutRequest r) {
        if (r == null) {
            throw ApiProblem.invalid("tier", "is required");
        }
        if (r.tier() == null || r.tier().isBlank()) {
            throw ApiProblem.invalid("tier", "is required");
        }
        PaymentMethod method = Arrays.stream(PaymentMethod.values())
                .filter(m -> m.name().equals(r.paymentMethod()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalid("paymentMethod", "must be CARD or BANK_TRANSFER"));
        return new Checkout(
                accountId,
                r.tier().strip().toUpperCase(Locale.ROOT),
                r.autoRenew() == null || r.autoRenew(),
                r.purchaseOrderNumber(),
                Boolean.TRUE.equals(r.termsAccepted()),
                r.termsVersion(),
                method,
                r.cardToken(),
                null);
    }

    @PatchMapping("/api/membership/subscription")
    SubscriptionResponse subscription(
            @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) SubscriptionRequest r) {
        if (r == null || r.autoRenew() == null) {
            throw ApiProblem.invalid("autoRenew", "is required");
        }
        String accountId = CurrentMember.accountId(jwt);
        try {
            boolean autoRenew = commands.sendAndWait(new ChangeAutoRenewal(accountId, r.autoRenew()));
            String number = queries.byAccount(accountId)
                    .map(MembershipView::membershipNumber)
                    .orElse(null);
            return new SubscriptionResponse(number, autoRenew);
        } catch (RuntimeException e) {
            throw problem(e, HttpStatus.CONFLICT, "There is no active membership to manage");
        }
    }

    /** The membership's refusals as problems: 409 for state conflicts, 422 for unmet conditions, 400 for fields. */
    private static RuntimeException problem(RuntimeException e, HttpStatus notFoundStatus, String notFoundDetail) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MembershipRuleViolation v) {
                return switch (v.rule()) {
                    case ALREADY_ACTIVE, NOT_ACTIVE -> ApiProblem.conflict(v.getMessage());
                    case NOT_INVITED, MARKET_UNKNOWN, TIER_NOT_AVAILABLE ->
                        new ApiProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "Checkout refused",
                                v.getMessage(),
                                v.field() == null
                                        ? List.of()
                                        : List.of(new ApiProblem.FieldError(v.field(), v.getMessage())));
                    case TERMS_NOT_ACCEPTED, INVALID_PAYMENT, UNKNOWN_TIER ->
                        ApiProblem.invalid(v.field(), v.getMessage());
                };
            }
            if (cause instanceof AggregateNotFoundException) {
                return new ApiProblem(notFoundStatus, "Refused", notFoundDetail);
            }
        }
        return e;
    }
}
