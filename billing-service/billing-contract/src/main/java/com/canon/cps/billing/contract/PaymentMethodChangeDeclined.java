package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * The new card a member gave failed the zero-amount verification: nothing changes, the previous card stays the
 * account's card. Key and subject: {@code accountId}. v1: first version.
 *
 * @param requestId membership's id of the change
 * @param reason {@code DECLINED}, {@code AUTHENTICATION_REQUIRED} or {@code INVALID_TOKEN} (open-ended list of values)
 */
public record PaymentMethodChangeDeclined(
        String accountId, String requestId, String cardTokenReference, String reason, Instant declinedAt) {

    public static final String TYPE = "cps.billing.PaymentMethodChangeDeclined.v1";
}
