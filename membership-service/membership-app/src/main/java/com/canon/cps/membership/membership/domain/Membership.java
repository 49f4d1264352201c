package com.canon.cps.membership.membership.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.membership.membership.domain.MembershipRuleViolation.Rule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The CPS membership of one account (aggregate id = account id), from invitation through checkout to renewal or
 * expiry.
 *
 * <p>Invariants: the invitation is raised once and never withdrawn; checkout needs the invitation, a tier the points
 * reach, the current terms accepted and a usable payment method, and is refused while a membership is active; a term
 * runs from its start to start + term − 1 day; with auto-renewal on, the next term is ordered once per term and
 * starts the day after the expiry, otherwise the membership expires after it; a renewal already ordered (and
 * invoiced) is not undone by switching auto-renewal off afterwards, the switch then applies from the next term. Deadlines may fire late, twice or for
 * a term that is already over: each deadline names its term, and anything not matching the current term is ignored.
 * Business time comes from the injected {@link Clock} (dates in UTC).
 */
@Aggregate(cache = "aggregateCache")
public class Membership {

    @AggregateIdentifier
    private String accountId;

    private String country;
    private int points;
    private boolean invited;
    private MembershipStatus status = MembershipStatus.NONE;
    private String membershipNumber;
    private String tier;
    private LocalDate expiresOn;
    private boolean autoRenew;
    private int orders;
    private SubscriptionOrdered lastOrder;
    private LocalDate renewalOrderedFor;

    protected Membership() {}

    // events from other services can arrive in any order, so any of them may be the first for an account

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMarket command) {
        if (accountId == null || !Objects.equals(country, command.country())) {
            apply(new MarketRecorded(command.accountId(), command.country(), command.language()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPointsBalance command) {
        if (accountId == null || points != command.balance()) {
            apply(new PointsBalanceRecorded(command.accountId(), command.balance()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InviteMember command, Clock clock) {
        if (!invited) {
            apply(new MembershipInvited(command.accountId(), command.points(), clock.instant()));
        }
    }

    @CommandHandler
    Activation handle(Checkout command, MembershipOffer offer, Clock clock) {
        Price price = CheckoutRules.check(command, status, invited, country, points, offer);
        Instant now = clock.instant();
        LocalDate startsOn = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate ends = startsOn.plus(offer.term()).minusDays(1);
        String cardToken = command.paymentMethod() == PaymentMethod.CARD
                ? command.cardToken().strip()
                : null;
        apply(new SubscriptionOrdered(
                accountId,
                subscriptionId(orders + 1),
                command.tier(),
                price,
                offer.term().toString(),
                startsOn,
                command.autoRenew(),
                blankToNull(command.purchaseOrderNumber()),
                command.termsVersion(),
                command.paymentMethod(),
                cardToken,
                false,
                now));
        apply(new MembershipActivated(
                accountId, command.membershipNumber(), command.tier(), startsOn, ends, command.autoRenew(), now));
        return new Activation(command.membershipNumber(), command.tier(), startsOn, ends, command.autoRenew());
    }

    @CommandHandler
    boolean handle(ChangeAutoRenewal command, Clock clock) {
        if (status != MembershipStatus.ACTIVE) {
            throw new MembershipRuleViolation(Rule.NOT_ACTIVE, null, "There is no active membership to manage");
        }
        if (autoRenew != command.autoRenew()) {
            apply(new AutoRenewalChanged(accountId, membershipNumber, command.autoRenew(), clock.instant()));
        }
        return command.autoRenew();
    }

    @CommandHandler
    void handle(OrderRenewal command, MembershipOffer offer, Clock clock) {
        if (isCurrentTerm(command.termExpiresOn()) && autoRenew && !expiresOn.equals(renewalOrderedFor)) {
            orderNextTerm(offer, clock.instant());
        }
    }

    @CommandHandler
    void handle(EndTerm command, MembershipOffer offer, Clock clock) {
        Instant now = clock.instant();
        if (!isCurrentTerm(command.termExpiresOn())
                || !LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(expiresOn)) {
            return;
        }
        boolean renewalOrdered = expiresOn.equals(renewalOrderedFor);
        if (!autoRenew && !renewalOrdered) {
            apply(new MembershipExpired(accountId, membershipNumber, expiresOn, now));
            return;
        }
        // an ordered renewal is a purchase (billing has invoiced it): switching auto-renewal off after the order
        // applies from the following term
        if (!renewalOrdered) {
            // auto-renewal was switched on after the lead time had passed: order now, the term still follows on
            orderNextTerm(offer, now);
        }
        LocalDate startsOn = expiresOn.plusDays(1);
        LocalDate ends = startsOn.plus(offer.term()).minusDays(1);
        apply(new MembershipRenewed(accountId, membershipNumber, tier, startsOn, ends, now));
    }

    private boolean isCurrentTerm(LocalDate termExpiresOn) {
        return status == MembershipStatus.ACTIVE && termExpiresOn.equals(expiresOn);
    }

    private void orderNextTerm(MembershipOffer offer, Instant now) {
        // the tier keeps its price book entry; should it have been removed, the last price stands
        Price price = offer.price(tier, country).orElse(lastOrder.price());
        apply(new SubscriptionOrdered(
                accountId,
                subscriptionId(orders + 1),
                tier,
                price,
                offer.term().toString(),
                expiresOn.plusDays(1),
                true,
                null,
                lastOrder.termsVersion(),
                lastOrder.paymentMethod(),
                lastOrder.cardTokenReference(),
                true,
                now));
    }

    private String subscriptionId(int orderNumber) {
        return UUID.nameUUIDFromBytes(
                        ("subscription:" + accountId + ":" + orderNumber).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @EventSourcingHandler
    void on(MarketRecorded event) {
        accountId = event.accountId();
        country = event.country();
    }

    @EventSourcingHandler
    void on(PointsBalanceRecorded event) {
        accountId = event.accountId();
        points = event.balance();
    }

    @EventSourcingHandler
    void on(MembershipInvited event) {
        accountId = event.accountId();
        invited = true;
        if (status == MembershipStatus.NONE) {
            status = MembershipStatus.INVITED;
        }
    }

    @EventSourcingHandler
    void on(SubscriptionOrdered event) {
        orders++;
        lastOrder = event;
        if (event.renewal()) {
            renewalOrderedFor = event.termStartsOn().minusDays(1);
        }
    }

    @EventSourcingHandler
    void on(MembershipActivated event) {
        status = MembershipStatus.ACTIVE;
        membershipNumber = event.membershipNumber();
        tier = event.tier();
        expiresOn = event.expiresOn();
        autoRenew = event.autoRenew();
        renewalOrderedFor = null;
    }

    @EventSourcingHandler
    void on(AutoRenewalChanged event) {
        autoRenew = event.autoRenew();
    }

    @EventSourcingHandler
    void on(MembershipRenewed event) {
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(MembershipExpired event) {
        status = MembershipStatus.EXPIRED;
    }

    MembershipStatus status() {
        return status;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }

    boolean autoRenew() {
        return autoRenew;
    }
}
