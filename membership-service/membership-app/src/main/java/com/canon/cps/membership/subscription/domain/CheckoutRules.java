package com.canon.cps.membership.subscription.domain;

import com.canon.cps.membership.subscription.domain.MembershipRuleViolation.Rule;
import java.util.regex.Pattern;

/** The checkout decision as a pure function: refuses (throws) or returns the price of the tier. */
final class CheckoutRules {

    /** Longest purchase order number accepted (fits the PO reference fields of common e-invoice formats). */
    static final int MAX_PURCHASE_ORDER_LENGTH = 35;

    /** 13 to 19 digits, optionally grouped by spaces or dashes: a primary account number, never a gateway token. */
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9][0-9 -]{11,}[0-9]");

    private CheckoutRules() {}

    static Price check(
            Checkout c, MembershipStatus status, boolean invited, String country, int points, MembershipOffer offer) {
        if (status == MembershipStatus.ACTIVE) {
            throw new MembershipRuleViolation(Rule.ALREADY_ACTIVE, null, "The membership is already active");
        }
        if (status == MembershipStatus.SUSPENDED) {
            throw new MembershipRuleViolation(
                    Rule.ALREADY_ACTIVE, null, "The membership is suspended until its unpaid invoice is paid");
        }
        if (!invited) {
            throw new MembershipRuleViolation(Rule.NOT_INVITED, null, "The account has not been invited to CPS");
        }
        if (!c.termsAccepted()) {
            throw violation(Rule.TERMS_NOT_ACCEPTED, "termsAccepted", "the CPS Terms & Conditions must be accepted");
        }
        if (!offer.termsVersion().equals(c.termsVersion())) {
            throw violation(
                    Rule.TERMS_NOT_ACCEPTED,
                    "termsVersion",
                    offer.termsPublished(c.termsVersion())
                            ? "must be the current version " + offer.termsVersion()
                                    + " of the CPS Terms & Conditions, not an earlier one"
                            : "is not a published version of the CPS Terms & Conditions; the current version is "
                                    + offer.termsVersion());
        }
        if (c.paymentMethod() == null) {
            throw violation(Rule.INVALID_PAYMENT, "paymentMethod", "must be CARD or BANK_TRANSFER");
        }
        if (c.paymentMethod() == PaymentMethod.CARD) {
            if (c.cardToken() == null || c.cardToken().isBlank()) {
                throw violation(Rule.INVALID_PAYMENT, "cardToken", "is required for CARD");
            }
            if (looksLikeCardNumber(c.cardToken())) {
                throw violation(
                        Rule.INVALID_PAYMENT, "cardToken", "must be a payment gateway token, not a card number");
            }
        }
        if (c.purchaseOrderNumber() != null && c.purchaseOrderNumber().strip().length() > MAX_PURCHASE_ORDER_LENGTH) {
            throw violation(
                    Rule.INVALID_PAYMENT,
                    "purchaseOrderNumber",
                    "must be at most " + MAX_PURCHASE_ORDER_LENGTH + " characters");
        }
        Tier tier = offer.tier(c.tier()).orElseThrow(() -> violation(Rule.UNKNOWN_TIER, "tier", "is not a CPS tier"));
        if (country == null) {
            throw new MembershipRuleViolation(
                    Rule.MARKET_UNKNOWN, null, "The account's country is not known yet; try again shortly");
        }
        if (!offer.available(tier, points)) {
            throw violation(
                    Rule.TIER_NOT_AVAILABLE,
                    "tier",
                    tier.name() + " needs " + tier.minPoints() + " points; the account has " + points);
        }
        return offer.price(tier.code(), country)
                .orElseThrow(() -> violation(Rule.UNKNOWN_TIER, "tier", "has no price in this market"));
    }

    static boolean looksLikeCardNumber(String token) {
        String s = token.strip();
        if (!CARD_NUMBER.matcher(s).matches()) {
            return false;
        }
        int digits = s.replaceAll("[ -]", "").length();
        return digits >= 13 && digits <= 19;
    }

    private static MembershipRuleViolation violation(Rule rule, String field, String message) {
        return new MembershipRuleViolation(rule, field, message);
    }
}
