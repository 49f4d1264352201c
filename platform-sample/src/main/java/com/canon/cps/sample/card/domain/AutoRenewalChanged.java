package com.canon.cps.sample.card.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The member switched auto-renewal on or off. */
@Revision("1")
public record AutoRenewalChanged(String accountId, String cardNumber, boolean autoRenew, Instant changedAt)
        implements CardEvent {}
