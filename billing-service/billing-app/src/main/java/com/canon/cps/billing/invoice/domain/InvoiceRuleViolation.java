package com.canon.cps.billing.invoice.domain;

/** A command the invoice refuses in its current state; nothing is recorded. */
public class InvoiceRuleViolation extends RuntimeException {

    public enum Rule {
        NOT_ISSUED,
        ALREADY_PAID
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
