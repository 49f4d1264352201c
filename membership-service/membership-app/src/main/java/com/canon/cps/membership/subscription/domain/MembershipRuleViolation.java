package com.canon.cps.membership.subscription.domain;

/** A command the membership refuses in its current state; nothing is recorded. */
public class MembershipRuleViolation extends RuntimeException {

    /** Why the command was refused. */
    public enum Rule {
        /** Checkout before the account was invited (or before it is known at all). */
        NOT_INVITED,
        /** The country of the account is not known yet, so no price can be quoted. */
        MARKET_UNKNOWN,
        /** Unknown tier, or a tier without a price in the account's currency. */
        UNKNOWN_TIER,
        /** The points balance does not reach the tier. */
        TIER_NOT_AVAILABLE,
        /** The current CPS Terms &amp; Conditions were not accepted. */
        TERMS_NOT_ACCEPTED,
        /** CARD without a gateway token, or something that looks like a card number instead of a token. */
        INVALID_PAYMENT,
        /** Checkout while a membership is active. */
        ALREADY_ACTIVE,
        /** Manage the subscription without an active (or suspended) membership. */
        NOT_ACTIVE,
        /** Change the card of a membership that is not paid by card. */
        NOT_PAID_BY_CARD,
        /** Change the next term's tier after the next term was ordered (and invoiced) already. */
        NEXT_TERM_ORDERED,
        /** Any member's command after the account was erased: the membership ended for good. */
        ACCOUNT_ERASED
    }

    private final Rule rule;
    private final String field;

    public MembershipRuleViolation(Rule rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    /** The request field the refusal is about, or null when it is about the membership's state. */
    public String field() {
        return field;
    }
}
