package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * An operator needs more information from the applicant before deciding.
 *
 * <p>v1: first version. Since 2026-12: {@code token} and {@code tokenExpiresAt} (absent, i.e. null, in records
 * published before): the single-use token of the link in the information-request e-mail, with which the applicant
 * answers with a document ({@code POST /api/verification/cases/{caseId}/documents}); verification-service stores only
 * its hash and derives it with a server-side key when publishing.
 */
public record VerificationInfoRequested(
        String accountId, String caseId, String reason, Instant requestedAt, String token, Instant tokenExpiresAt) {

    public static final String TYPE = "cps.verification.VerificationInfoRequested.v1";

    /** A request as published before the answer link existed (no token). */
    public VerificationInfoRequested(String accountId, String caseId, String reason, Instant requestedAt) {
        this(accountId, caseId, reason, requestedAt, null, null);
    }
}
