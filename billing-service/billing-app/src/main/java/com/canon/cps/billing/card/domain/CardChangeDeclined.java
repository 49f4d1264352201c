package com.canon.cps.billing.card.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The new card failed the verification: the account keeps its card. {@code reason} is the gateway's outcome. */
@Revision("1")
public record CardChangeDeclined(
        String accountId, String requestId, @PersonalData String cardToken, String reason, Instant declinedAt)
        implements CardEvent {}
