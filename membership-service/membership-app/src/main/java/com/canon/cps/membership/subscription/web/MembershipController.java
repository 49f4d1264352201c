package com.canon.cps.membership.subscription.web;

import com.canon.cps.membership.subscription.domain.Activation;
import com.canon.cps.membership.subscription.domain.Checkout;
import com.canon.cps.membership.subscription.domain.MembershipOffer;
import com.canon.cps.membership.subscription.domain.MembershipStatus;
import com.canon.cps.membership.subscription.domain.PaymentMethod;
import com.canon.cps.membership.subscription.domain.Tier;
import com.canon.cps.membership.subscription.query.MembershipQueries;
import com.canon.cps.membership.subscription.query.MembershipView;
import com.canon.cps.membership.subscription.store.MembershipNumbers;
import com.canon.cps.platform.security.AccountToRead;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's CPS pages: tiers, checkout and the dashboard. The account is always the token's subject. Reads come
 * from the projection (eventually consistent); checkout answers from the aggregate's decision. Managing the
 * subscription is {@link SubscriptionController}, the price preview {@link CheckoutPreviewController}.
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

    /**
     * The member's membership; any operator (ADR 19) reads a member's with {@code ?accountId=} (the same answer,
     * {@code NONE} for an unknown account). A member naming an {@code accountId} gets 403, an operator without one 400.
     */
    @GetMapping("/api/membership")
    @PreAuthorize("hasRole('MEMBER') or " + OperatorAccess.ANY_OPERATOR)
    MembershipResponse membership(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String accountId) {
        MembershipView m = queries.byAccount(AccountToRead.of(jwt, accountId)).orElse(null);
        if (m == null || m.status() == null) {
            String status = m != null && m.isInvited() ? MembershipStatus.INVITED.name() : MembershipStatus.NONE.name();
            return new MembershipResponse(status, null, null, null, null, null, null, null, null, null, null, null);
        }
        LocalDate expiresOn = m.expiresOn() == null ? null : LocalDate.parse(m.expiresOn());
        String next = nextTier(m, expiresOn);
        boolean ends = held(m) && next == null;
        return new MembershipResponse(
                m.status(),
                m.tier(),
                tierName(m.tier()),
                m.membershipNumber(),
                m.startsOn(),
                m.expiresOn(),
                expiresOn == null ? null : expiresOn.format(DISPLAY),
                m.autoRenew(),
                next,
                next == null ? null : tierName(next),
                ends && expiresOn != null ? expiresOn.toString() : null,
                m.suspendedOn());
    }

    /**
     * The tier of the next term of a held membership: the ordered renewal's; else, with auto-renewal on, the tier the
     * member chose, or the current one; null when the membership ends with its term.
     */
    private static String nextTier(MembershipView m, LocalDate expiresOn) {
        if (!held(m) || expiresOn == null) {
            return null;
        }
        if (expiresOn.plusDays(1).toString().equals(m.renewalStartsOn())) {
            return m.renewalTier();
        }
        if (!Boolean.TRUE.equals(m.autoRenew())) {
            return null;
        }
        return m.nextTier() != null ? m.nextTier() : m.tier();
    }

    private static boolean held(MembershipView m) {
        return MembershipStatus.ACTIVE.name().equals(m.status())
                || MembershipStatus.SUSPENDED.name().equals(m.status());
    }

    private String tierName(String code) {
        return offer.tier(code).map(Tier::name).orElse(code);
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
            throw MembershipProblems.of(
                    e, "Checkout refused", HttpStatus.UNPROCESSABLE_CONTENT, "The account has not been invited to CPS");
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
}
