package com.canon.cps.platform.audit;

/**
 * The names of operator actions in the audit trail ({@code action}) and of what they touch ({@code subjectType}), in
 * one place for every service (ADR 19).
 */
public final class OperatorActions {

    private OperatorActions() {}

    // verification-service
    /** A verification case decided: details {@code decision} (APPROVE, REJECT, REQUEST_INFO), {@code reason}. */
    public static final String VERIFICATION_DECIDED = "VERIFICATION_DECIDED";

    // billing-service
    /** A camt.053 statement imported: details {@code matched}, {@code unmatched}, {@code duplicates}, {@code entries}. */
    public static final String BANK_STATEMENT_IMPORTED = "BANK_STATEMENT_IMPORTED";
    /** A statement entry booked on an invoice: details {@code invoiceNumber}, {@code statement} (its SHA-256),
     * {@code entryReference}, {@code amount}, {@code currency}. */
    public static final String BANK_PAYMENT_BOOKED = "BANK_PAYMENT_BOOKED";
    /** An invoice marked paid by hand: details {@code invoiceNumber}, {@code note}. */
    public static final String INVOICE_MARKED_PAID = "INVOICE_MARKED_PAID";
    /** A credit note issued: details {@code creditNoteId}, {@code number},
     * {@code amount} (gross), {@code currency}, {@code reason}. */
    public static final String CREDIT_NOTE_ISSUED = "CREDIT_NOTE_ISSUED";

    // product-service
    /** The old CPS system's CSV imported: details {@code imported}, {@code alreadyImported}, {@code rejected} (lines). */
    public static final String LEGACY_PRODUCTS_IMPORTED = "LEGACY_PRODUCTS_IMPORTED";

    // every service (platform-starter)
    /** A projection rebuild started: details {@code fromVersion}, {@code toVersion}, {@code maxRate}. */
    public static final String PROJECTION_REBUILD_STARTED = "PROJECTION_REBUILD_STARTED";
    /** A running rebuild cancelled: details {@code status}. */
    public static final String PROJECTION_REBUILD_CANCELLED = "PROJECTION_REBUILD_CANCELLED";
    /** One dead letter re-driven: details {@code outcome}. */
    public static final String DEAD_LETTER_REDRIVEN = "DEAD_LETTER_REDRIVEN";
    /** Every open dead letter re-driven: details {@code attempted}, {@code processed}, {@code failed}. */
    public static final String DEAD_LETTERS_REDRIVEN = "DEAD_LETTERS_REDRIVEN";
    /** A dead letter discarded: details {@code reason}. */
    public static final String DEAD_LETTER_DISCARDED = "DEAD_LETTER_DISCARDED";
    /** A backup of the service's data keys taken (ADR 23): details {@code keys}, {@code erasures}. */
    public static final String DATA_KEYS_BACKED_UP = "DATA_KEYS_BACKED_UP";
    /** Data keys restored from a backup: details {@code takenAt}, {@code restored}. */
    public static final String DATA_KEYS_RESTORED = "DATA_KEYS_RESTORED";

    // account-service
    /** An account's personal data erased (GDPR Art. 17, ADR 23): details {@code reason}. */
    public static final String ACCOUNT_ERASED = "ACCOUNT_ERASED";
    /** A member's password-setup link re-issued: details {@code expiresAt}. */
    public static final String PASSWORD_SETUP_REISSUED = "PASSWORD_SETUP_REISSUED";
    /** An operator account created: details {@code email}, {@code name}, {@code roles}. */
    public static final String OPERATOR_CREATED = "OPERATOR_CREATED";
    /** An operator's roles replaced: details {@code roles}, {@code previousRoles}. */
    public static final String OPERATOR_ROLES_CHANGED = "OPERATOR_ROLES_CHANGED";
    /** An operator account disabled. */
    public static final String OPERATOR_DISABLED = "OPERATOR_DISABLED";
    /** An operator's password-setup link re-issued: details {@code expiresAt}. */
    public static final String OPERATOR_PASSWORD_SETUP_REISSUED = "OPERATOR_PASSWORD_SETUP_REISSUED";

    /** Subject types. */
    public static final String CASE = "CASE";

    public static final String INVOICE = "INVOICE";
    public static final String BANK_STATEMENT = "BANK_STATEMENT";
    public static final String LEGACY_IMPORT = "LEGACY_IMPORT";
    public static final String PROJECTION = "PROJECTION";
    public static final String DEAD_LETTER = "DEAD_LETTER";
    public static final String ACCOUNT = "ACCOUNT";
    public static final String OPERATOR = "OPERATOR";
    public static final String DATA_KEYS = "DATA_KEYS";
}
