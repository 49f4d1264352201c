package com.canon.cps.billing.card.domain;

import java.time.Instant;

/** The new card failed the verification: the account keeps its card. {@code reason} is the gateway's outcome. */
public record CardChangeDeclined(
        String accountId, String requestId, String cardToken, String reason, Instant declinedAt) {}
