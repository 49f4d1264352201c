package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An operator asked the applicant for more information; the case stays open.
 *
 * <p>Revision 2: {@code requestId} and {@code expiresAt}, the non-secret identity of the link the applicant answers
 * with (its token is derived from them with a server key, ADR 18) and when it stops working; revision-1 events are
 * upcast with both {@code null} (they had no link).
 */
@Revision("2")
public record VerificationInfoRequested(
        String caseId,
        String accountId,
        @PersonalData String reason,
        String decidedBy,
        Instant requestedAt,
        String requestId,
        Instant expiresAt)
        implements VerificationEvent {}
