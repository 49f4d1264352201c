package com.canon.cps.product.migration.domain;

/** The migration cannot happen (now); nothing is recorded. */
public class MigrationRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The account gave no old CPS e-mail (or product-service has not learnt of the account yet). */
        NO_LEGACY_EMAIL,
        /** The account gave an old CPS e-mail but has not proven it yet (with the code sent there). */
        LEGACY_EMAIL_NOT_CONFIRMED,
        /** The import holds no registrations for the account's old e-mail. */
        NOTHING_TO_MIGRATE,
        /** The account migrated already; migration happens once. */
        ALREADY_COMPLETED,
        /** The account was erased (GDPR Art. 17): its migration was stopped for good. */
        ACCOUNT_ERASED
    }

    private final Reason reason;

    public MigrationRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
