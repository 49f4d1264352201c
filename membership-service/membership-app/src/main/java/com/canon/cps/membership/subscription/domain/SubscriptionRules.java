package com.canon.cps.membership.subscription.domain;

import com.canon.cps.membership.subscription.domain.MembershipRuleViolation.Rule;

/**
 * The decisions of "Manage Subscription" as pure functions: which tier the next term may have, whether a new card
 * may be given. Each refuses (throws) or returns what the aggregate records.
 */
final class SubscriptionRules {

    private SubscriptionRules() {}

    /** The membership is held (active or suspended): only then can it be managed. */
    static void requireHeld(MembershipStatus status) {
        if (status != MembershipStatus.ACTIVE && status != MembershipStatus.SUSPENDED) {
            throw new MembershipRuleViolation(Rule.NOT_ACTIVE, null, "There is no active membership to manage");
        }
    }

    /**
     * The tier the next term may be ordered with: a CPS tier with a price in the market that the points reach now,
     * chosen before the next term was ordered (an ordered term is invoiced, so its tier is fixed).
     */
    static Tier nextTier(
            String code,
            MembershipStatus status,
            boolean nextTermOrdered,
            String country,
            int points,
            MembershipOffer offer) {
        requireHeld(status);
        Tier tier = offer.tier(code)
                .orElseThrow(() -> new MembershipRuleViolation(Rule.UNKNOWN_TIER, "nextTier", "is not a CPS tier"));
        if (offer.price(tier.code(), country).isEmpty()) {
            throw new MembershipRuleViolation(Rule.UNKNOWN_TIER, "nextTier", "has no price in this market");
        }
        if (!offer.available(tier, points)) {
            throw new MembershipRuleViolation(
                    Rule.TIER_NOT_AVAILABLE,
                    "nextTier",
                    tier.name() + " needs " + tier.minPoints() + " points; the account has " + points);
        }
        if (nextTermOrdered) {
            throw new MembershipRuleViolation(
                    Rule.NEXT_TERM_ORDERED,
                    null,
                    "The next term has been ordered and invoiced already; its tier can no longer change");
        }
        return tier;
    }

    /** A new card for a membership paid by card: a gateway token, never a card number. */
    static String cardToken(String token, MembershipStatus status, PaymentMethod paidBy) {
        if (token == null || token.isBlank()) {
            throw new MembershipRuleViolation(Rule.INVALID_PAYMENT, "cardToken", "is required");
        }
        if (CheckoutRules.looksLikeCardNumber(token)) {
            throw new MembershipRuleViolation(
                    Rule.INVALID_PAYMENT, "cardToken", "must be a payment gateway token, not a card number");
        }
        requireHeld(status);
        if (paidBy != PaymentMethod.CARD) {
            throw new MembershipRuleViolation(
                    Rule.NOT_PAID_BY_CARD, null, "The membership is paid by bank transfer; there is no card to change");
        }
        return token.strip();
    }
}
