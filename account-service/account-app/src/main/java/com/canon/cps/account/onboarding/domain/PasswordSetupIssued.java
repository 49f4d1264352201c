package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A password-setup link was issued. Deliberately holds <em>no secret</em>: {@code issueId} is a public identifier of
 * this issue; the link token itself is derived from it with a server-side key only where it is needed (when the
 * contract event is published, and to store its hash), so the event store never holds a usable token.
 *
 * @param issueId identifies this issue; the token of the link is HMAC(server key, accountId, issueId)
 * @param expiresAt after this instant (business clock) the link no longer sets a password
 */
@Revision("1")
public record PasswordSetupIssued(
        String accountId,
        String issueId,
        @PersonalData String contactEmail,
        String language,
        Instant issuedAt,
        Instant expiresAt)
        implements AccountEvent {}
