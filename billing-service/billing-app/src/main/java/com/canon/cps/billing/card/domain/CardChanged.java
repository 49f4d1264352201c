package com.canon.cps.billing.card.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The new card passed the verification: it is the account's card from now on.
 *
 * @param previousCardToken the card it replaces (null when none was changed before; then it replaces the orders')
 */
@Revision("1")
public record CardChanged(
        String accountId,
        String requestId,
        @PersonalData String cardToken,
        @PersonalData String previousCardToken,
        String gatewayReference,
        Instant changedAt)
        implements CardEvent {}
