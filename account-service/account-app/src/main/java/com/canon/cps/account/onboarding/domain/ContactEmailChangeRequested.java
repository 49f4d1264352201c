package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member asked for a new contact e-mail; it takes effect only when the confirmation link sent to it is used. Like
 * {@link PasswordSetupIssued} it holds <em>no secret</em>: the link token is derived from {@code issueId} with the
 * server key (ADR 5). A newer request replaces this one.
 */
@Revision("1")
public record ContactEmailChangeRequested(
        String accountId,
        String issueId,
        @PersonalData String newContactEmail,
        String language,
        Instant requestedAt,
        Instant expiresAt)
        implements AccountEvent {}
