package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member gave a new card; billing verifies it. The card the renewals are ordered with changes only once billing
 * confirms it ({@link PaymentCardRecorded}).
 *
 * @param requestId deterministic per account and change
 * @param currency the market's currency, for the zero-amount verification
 */
@Revision("1")
public record PaymentCardChangeRequested(
        String accountId,
        String membershipNumber,
        String requestId,
        String cardToken,
        String currency,
        Instant requestedAt)
        implements MembershipEvent {}
