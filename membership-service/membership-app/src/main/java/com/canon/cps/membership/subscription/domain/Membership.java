package com.canon.cps.membership.subscription.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
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
 * The next term's tier may be chosen (within the points, before that term is ordered); the renewal orders it if the
 * points still reach it, else the current tier. A new card counts once billing has verified it: renewals are then
 * ordered with it. An invoice unpaid after billing's last dunning step suspends an active membership, and the
 * membership is active again once every such invoice is paid or credited in full; while suspended no term is ordered,
 * so a term ending then expires unless its renewal was ordered before. Business time comes from the injected
 * {@link Clock} (dates in UTC). An erased account (GDPR Art. 17) ends its membership for good: no term is ordered,
 * renewed or expired afterwards, what other services report is ignored and every member's command is refused.
 */
@Aggregate(cache = "aggregateCache")
class Membership {

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
    private String nextTier;
    private String cardToken;
    private int cardChanges;
    private String lastRecordedCardChange;
    private final Set<String> unpaidInvoices = new LinkedHashSet<>();
    private boolean erased;

    protected Membership() {}

    // events from other services can arrive in any order, so any of them may be the first for an account

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMarket command) {
        if (erased) {
            return;
        }
        if (accountId == null || !Objects.equals(country, command.country())) {
            apply(new MarketRecorded(command.accountId(), command.country(), command.language()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordPointsBalance command) {
        if (erased) {
            return;
        }
        if (accountId == null || points != command.balance()) {
            apply(new PointsBalanceRecorded(command.accountId(), command.balance()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InviteMember command, Clock clock) {
        if (!invited && !erased) {
            apply(new MembershipInvited(command.accountId(), command.points(), clock.instant()));
        }
    }

    @CommandHandler
    Activation handle(Checkout command, MembershipOffer offer, Clock clock) {
        requireNotErased();
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
        requireNotErased();
        SubscriptionRules.requireHeld(status);
        if (autoRenew != command.autoRenew()) {
            apply(new AutoRenewalChanged(accountId, membershipNumber, command.autoRenew(), clock.instant()));
        }
        return command.autoRenew();
    }

    @CommandHandler
    SubscriptionSettings handle(ChangeSubscription command, MembershipOffer offer, Clock clock) {
        requireNotErased();
        SubscriptionRules.requireHeld(status);
        Instant now = clock.instant();
        if (command.nextTier() != null) {
            Tier chosen = SubscriptionRules.nextTier(
                    command.nextTier(), status, expiresOn.equals(renewalOrderedFor), country, points, offer);
            String next = chosen.code().equals(tier) ? null : chosen.code();
            if (!Objects.equals(next, nextTier)) {
                apply(new NextTierChanged(accountId, membershipNumber, tier, chosen.code(), now));
            }
        }
        if (command.autoRenew() != null && command.autoRenew() != autoRenew) {
            apply(new AutoRenewalChanged(accountId, membershipNumber, command.autoRenew(), now));
        }
        String next = expiresOn.equals(renewalOrderedFor) ? lastOrder.tier() : nextTier != null ? nextTier : tier;
        return new SubscriptionSettings(autoRenew, next);
    }

    /** Returns the id of the change, which billing's verification answers. */
    @CommandHandler
    String handle(ChangePaymentCard command, Clock clock) {
        requireNotErased();
        String token = SubscriptionRules.cardToken(
                command.cardToken(), status, lastOrder == null ? null : lastOrder.paymentMethod());
        String requestId = cardChangeId(cardChanges + 1);
        apply(new PaymentCardChangeRequested(
                accountId, membershipNumber, requestId, token, lastOrder.price().currency(), clock.instant()));
        return requestId;
    }

    @CommandHandler
    void handle(RecordPaymentCard command, Clock clock) {
        if (accountId != null && !erased && !command.requestId().equals(lastRecordedCardChange)) {
            apply(new PaymentCardRecorded(accountId, command.requestId(), command.cardToken(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(SuspendForUnpaidInvoice command, Clock clock) {
        Instant now = clock.instant();
        if (status == MembershipStatus.ACTIVE) {
            apply(new MembershipSuspended(
                    accountId,
                    membershipNumber,
                    command.invoiceId(),
                    command.invoiceNumber(),
                    LocalDate.ofInstant(now, ZoneOffset.UTC),
                    now));
        } else if (status == MembershipStatus.SUSPENDED && !unpaidInvoices.contains(command.invoiceId())) {
            apply(new UnpaidInvoiceAdded(accountId, command.invoiceId(), command.invoiceNumber(), now));
        }
        // no membership held (never bought, expired): nothing to suspend
    }

    @CommandHandler
    void handle(SettleUnpaidInvoice command, Clock clock) {
        if (!unpaidInvoices.contains(command.invoiceId())) {
            return;
        }
        if (status == MembershipStatus.SUSPENDED && unpaidInvoices.size() == 1) {
            apply(new MembershipReactivated(
                    accountId, membershipNumber, command.invoiceId(), command.reason(), clock.instant()));
        } else {
            apply(new UnpaidInvoiceSettled(accountId, command.invoiceId(), command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(OrderRenewal command, MembershipOffer offer, Clock clock) {
        // no new term is ordered (and invoiced) while an invoice is unpaid after dunning
        if (status == MembershipStatus.ACTIVE
                && isCurrentTerm(command.termExpiresOn())
                && autoRenew
                && !expiresOn.equals(renewalOrderedFor)) {
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
        if (!renewalOrdered && (!autoRenew || status == MembershipStatus.SUSPENDED)) {
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
        // the renewal order decided the new term's tier (the chosen next tier, or the current one)
        apply(new MembershipRenewed(accountId, membershipNumber, lastOrder.tier(), startsOn, ends, now));
    }

    /**
     * The account was erased: the membership ends now, whatever it was (an active or suspended term is not renewed; its
     * deadlines find no current term and change nothing). Redelivered: nothing more.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EraseMembership command, Clock clock) {
        if (erased) {
            return;
        }
        Instant now = clock.instant();
        apply(new MembershipErased(
                command.accountId(), membershipNumber, status.name(), LocalDate.ofInstant(now, ZoneOffset.UTC), now));
    }

    private void requireNotErased() {
        if (erased) {
            throw new MembershipRuleViolation(
                    MembershipRuleViolation.Rule.ACCOUNT_ERASED, null, "The account was erased; its membership ended");
        }
    }

    private boolean isCurrentTerm(LocalDate termExpiresOn) {
        return (status == MembershipStatus.ACTIVE || status == MembershipStatus.SUSPENDED)
                && termExpiresOn.equals(expiresOn);
    }

    private void orderNextTerm(MembershipOffer offer, Instant now) {
        String orderedTier = renewalTier(offer);
        // the tier keeps its price book entry; should it have been removed, the last price stands
        Price price = offer.price(orderedTier, country).orElse(lastOrder.price());
        apply(new SubscriptionOrdered(
                accountId,
                subscriptionId(orders + 1),
                orderedTier,
                price,
                offer.term().toString(),
                expiresOn.plusDays(1),
                true,
                null,
                lastOrder.termsVersion(),
                lastOrder.paymentMethod(),
                lastOrder.paymentMethod() == PaymentMethod.CARD ? cardToken : null,
                true,
                now));
    }

    /** The chosen next tier if the points still reach it and it has a price, else the current tier. */
    private String renewalTier(MembershipOffer offer) {
        if (nextTier == null) {
            return tier;
        }
        boolean stillAvailable = offer.tier(nextTier)
                .filter(t -> offer.available(t, points))
                .filter(t -> offer.price(t.code(), country).isPresent())
                .isPresent();
        return stillAvailable ? nextTier : tier;
    }

    private String subscriptionId(int orderNumber) {
        return nameBased("subscription:" + accountId + ":" + orderNumber);
    }

    private String cardChangeId(int changeNumber) {
        return nameBased("card-change:" + accountId + ":" + changeNumber);
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
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
        cardToken = event.paymentMethod() == PaymentMethod.CARD ? event.cardTokenReference() : null;
        if (event.renewal()) {
            renewalOrderedFor = event.termStartsOn().minusDays(1);
            nextTier = null; // the choice was used (or given up) by this order
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
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(MembershipExpired event) {
        status = MembershipStatus.EXPIRED;
        nextTier = null;
        unpaidInvoices.clear();
    }

    @EventSourcingHandler
    void on(NextTierChanged event) {
        nextTier = event.nextTier().equals(event.tier()) ? null : event.nextTier();
    }

    @EventSourcingHandler
    void on(PaymentCardChangeRequested event) {
        cardChanges++;
    }

    @EventSourcingHandler
    void on(PaymentCardRecorded event) {
        cardToken = event.cardToken();
        lastRecordedCardChange = event.requestId();
    }

    @EventSourcingHandler
    void on(MembershipSuspended event) {
        accountId = event.accountId();
        status = MembershipStatus.SUSPENDED;
        unpaidInvoices.add(event.invoiceId());
    }

    @EventSourcingHandler
    void on(UnpaidInvoiceAdded event) {
        unpaidInvoices.add(event.invoiceId());
    }

    @EventSourcingHandler
    void on(UnpaidInvoiceSettled event) {
        unpaidInvoices.remove(event.invoiceId());
    }

    @EventSourcingHandler
    void on(MembershipReactivated event) {
        unpaidInvoices.remove(event.invoiceId());
        status = MembershipStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MembershipErased event) {
        accountId = event.accountId();
        erased = true;
        status = MembershipStatus.ERASED;
        autoRenew = false;
        nextTier = null;
        cardToken = null;
        unpaidInvoices.clear();
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
