package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * A code that proves the member owns the e-mail address of its old CPS account: notification-service mails it to that
 * old address. The member types it in ({@code POST /api/accounts/me/legacy-email/confirmation}); only then
 * ({@link LegacyEmailConfirmed}) may the old account's products be migrated. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code code} is six digits, derived with a server-side key when published; account-service
 * keeps only a keyed hash of it, and the event store holds neither.
 *
 * @param legacyCpsEmail the old CPS e-mail the code goes to
 */
public record LegacyEmailCodeIssued(
        String accountId, String legacyCpsEmail, String language, String code, Instant expiresAt) {

    public static final String TYPE = "cps.account.LegacyEmailCodeIssued.v1";
}
