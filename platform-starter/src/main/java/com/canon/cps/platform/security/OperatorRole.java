package com.canon.cps.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operator may do besides reading ({@link OperatorAccess}). An operator has one or more; every operator token
 * also carries {@code OPERATOR}, which existing clients check for.
 */
public enum OperatorRole {
    /** Decides verification cases and reads their documents. */
    REVIEWER,
    /** Imports bank statements and the legacy CSV, marks invoices paid, issues credit notes. */
    BILLING,
    /** Everything: also rebuilds projections, re-drives and discards dead letters, manages operator accounts. */
    ADMIN;

    /** The role named {@code name} exactly (upper case), if there is one. */
    public static Optional<OperatorRole> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
