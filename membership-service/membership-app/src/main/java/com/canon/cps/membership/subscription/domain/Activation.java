package com.canon.cps.membership.subscription.domain;

import java.time.LocalDate;

/** What a successful checkout returns to the caller. */
public record Activation(
        String membershipNumber, String tier, LocalDate startsOn, LocalDate expiresOn, boolean autoRenew) {}
