package com.canon.cps.billing.invoice.domain;

/** A command the invoice refuses in its current state; nothing is recorded. */
public class InvoiceRuleViolation extends RuntimeException {

    public enum Rule {
        NOT_ISSUED,
        ALREADY_PAID,
        /** Nothing left to credit. */
        FULLY_CREDITED,
        /** A credit note amount that is not positive, has more than two decimals, or exceeds what is left. */
        INVALID_AMOUNT
    }

    private final Rule rule;

    public InvoiceRuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
