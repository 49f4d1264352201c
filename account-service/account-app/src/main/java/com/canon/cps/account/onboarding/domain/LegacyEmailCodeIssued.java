package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A code was issued to prove the old CPS e-mail. Holds <em>no secret</em>: the six digits are derived from
 * {@code issueId} with the server key when the contract event is published, and only a keyed hash is stored. A newer
 * code replaces this one.
 */
@Revision("1")
public record LegacyEmailCodeIssued(
        String accountId,
        String issueId,
        @PersonalData String legacyCpsEmail,
        String language,
        Instant issuedAt,
        Instant expiresAt)
        implements AccountEvent {}
