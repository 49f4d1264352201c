package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member proved that it owns the e-mail address of its old CPS account (it typed the code sent there):
 * product-service may now offer the migration of the products registered under that address. Key and subject:
 * {@code accountId}.
 *
 * <p>v1: first version. Published once per account; the confirmed address does not change afterwards.
 */
public record LegacyEmailConfirmed(String accountId, String legacyCpsEmail, Instant confirmedAt) {

    public static final String TYPE = "cps.account.LegacyEmailConfirmed.v1";
}
