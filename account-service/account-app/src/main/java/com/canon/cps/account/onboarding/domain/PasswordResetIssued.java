package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A password-reset link was issued to an active account. Like {@link PasswordSetupIssued} it holds <em>no secret</em>:
 * the link token is derived from {@code issueId} with a server-side key where it is needed (ADR 5). A new link replaces
 * the previous one, which then no longer works.
 *
 * @param issueId identifies this issue; the token of the link is HMAC(server key, accountId, issueId)
 * @param expiresAt after this instant (business clock) the link no longer resets the password
 */
@Revision("1")
public record PasswordResetIssued(
        String accountId,
        String issueId,
        @PersonalData String contactEmail,
        String language,
        Instant issuedAt,
        Instant expiresAt)
        implements AccountEvent {}
