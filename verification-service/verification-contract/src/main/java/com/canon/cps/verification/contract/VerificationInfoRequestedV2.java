package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * An operator needs more information from the applicant before deciding.
 *
 * <p>v2: the answer link's token is sealed for notification-service ({@code sealedToken}), no longer in clear; v1 (with
 * {@code token} in clear) is retired without a deprecation period, as publishing it would keep the secret readable on
 * the topic (ADR 20). v1: first version; since 2026-12 with the answer link's token and its expiry.
 *
 * @param sealedToken the single-use token of the link in the information-request e-mail, with which the applicant
 *     answers with a document ({@code POST /api/verification/cases/{caseId}/documents}), sealed for
 *     notification-service: {@code s1.<keyId>.<base64url(nonce || ciphertext || tag)>}, AES-256-GCM under a key only
 *     verification-service and notification-service hold, associated data {@code ce_type + "\n" + ce_id}, so it opens
 *     only in this event. verification-service stores only the token's hash and derives it with a server-side key when
 *     publishing. Null for a request without an answer link (made before links existed).
 * @param tokenExpiresAt when the token stops working; null when there is none
 */
public record VerificationInfoRequestedV2(
        String accountId,
        String caseId,
        String reason,
        Instant requestedAt,
        String sealedToken,
        Instant tokenExpiresAt) {

    public static final String TYPE = "cps.verification.VerificationInfoRequested.v2";
}
