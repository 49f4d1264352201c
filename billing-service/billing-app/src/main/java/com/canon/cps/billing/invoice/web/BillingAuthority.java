package com.canon.cps.billing.invoice.web;

/**
 * Who may do what in billing's operator tools, in one place: the expressions of {@code @PreAuthorize}. Credit notes
 * are for the BILLING operator role once operator roles exist; until then every OPERATOR may issue them, and only this
 * constant changes when the role comes.
 */
final class BillingAuthority {

    /** Issue credit notes (and with them refunds). */
    static final String ISSUE_CREDIT_NOTES = "hasRole('OPERATOR')";

    private BillingAuthority() {}
}
