package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * A code that proves the member owns the e-mail address of its old CPS account: notification-service mails it to that
 * old address. The member types it in ({@code POST /api/accounts/me/legacy-email/confirmation}); only then
 * ({@link LegacyEmailConfirmed}) may the old account's products be migrated. Key and subject: {@code accountId}.
 *
 * <p>v2: the code is sealed for notification-service ({@code sealedCode}), no longer in clear; v1 retired at once (ADR
 * 20). v1: first version.
 *
 * @param legacyCpsEmail the old CPS e-mail the code goes to
 * @param sealedCode the six digits, sealed for notification-service as in {@link PasswordSetupIssuedV2};
 *     account-service keeps only a keyed hash of the code, and the event store holds neither
 */
public record LegacyEmailCodeIssuedV2(
        String accountId, String legacyCpsEmail, String language, String sealedCode, Instant expiresAt) {

    public static final String TYPE = "cps.account.LegacyEmailCodeIssued.v2";
}
