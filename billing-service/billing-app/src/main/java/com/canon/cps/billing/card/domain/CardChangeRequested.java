package com.canon.cps.billing.card.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A new card is to be verified with a zero amount before it becomes the account's card. */
@Revision("1")
public record CardChangeRequested(
        String accountId, String requestId, @PersonalData String cardToken, String currency, Instant requestedAt)
        implements CardEvent {}
