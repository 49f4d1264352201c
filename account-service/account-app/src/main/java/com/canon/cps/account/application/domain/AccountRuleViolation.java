package com.canon.cps.account.application.domain;

/** A command the Business Account refuses in its current state; nothing is recorded. */
public class AccountRuleViolation extends RuntimeException {

    /** Why the command was refused. */
    public enum Rule {
        /** Open, reject or request information on an account that was rejected or already opened. */
        ALREADY_DECIDED,
        /** A password can only be set for a verified account. */
        NOT_VERIFIED,
        /** The setup link belongs to another issue than the account's current one. */
        UNKNOWN_SETUP_LINK,
        /** The setup link expired. */
        SETUP_LINK_EXPIRED,
        /** The setup link was already used: the account is active. */
        ALREADY_ACTIVE,
        /** A password can only be reset for an active account (one that has a password). */
        NOT_ACTIVE,
        /** The reset link is not the account's current one, or was already used. */
        UNKNOWN_RESET_LINK,
        /** The reset link expired. */
        RESET_LINK_EXPIRED
    }

    private final Rule rule;

    public AccountRuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
