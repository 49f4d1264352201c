package com.canon.cps.billing.card.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;

/** A new card is to be verified with a zero amount before it becomes the account's card. */
public record CardChangeRequested(
        String accountId, String requestId, @PersonalData String cardToken, String currency, Instant requestedAt) {}
