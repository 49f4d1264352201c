package com.canon.cps.account.onboarding.domain;

import java.util.Optional;

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
        RESET_LINK_EXPIRED,
        /** A change of company details is already being verified. */
        CHANGE_PENDING,
        /** The request would change nothing. */
        NOTHING_TO_CHANGE,
        /** The country of an account is the one it was verified for; it does not change. */
        COUNTRY_CANNOT_CHANGE,
        /** A business that is not VAT-liable has no VAT ID to change. */
        NOT_VAT_LIABLE,
        /** No old CPS e-mail was given. */
        NO_LEGACY_EMAIL,
        /** The old CPS e-mail is confirmed already; it cannot change any more. */
        LEGACY_EMAIL_CONFIRMED,
        /** A code was issued too recently, or too many within a day. */
        TOO_MANY_CODES,
        /** The code is not the account's current one (replaced, or never issued). */
        UNKNOWN_CODE,
        /** The code expired. */
        CODE_EXPIRED,
        /** The e-mail confirmation link is not the account's current one, or was already used. */
        UNKNOWN_EMAIL_LINK,
        /** The e-mail confirmation link expired. */
        EMAIL_LINK_EXPIRED,
        /** The account was erased (GDPR Art. 17): it takes no command any more. */
        ERASED
    }

    private final Rule rule;

    public AccountRuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** The violation behind {@code failure} (a command's exception, possibly wrapped), if it is one. */
    public static Optional<AccountRuleViolation> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccountRuleViolation violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }
}
