package com.canon.cps.membership.subscription.web;

import java.time.LocalDate;

/** The activated membership, as the checkout returns it (status is always ACTIVE). */
record CheckoutResponse(
        String membershipNumber,
        String tier,
        String status,
        LocalDate startsOn,
        LocalDate expiresOn,
        boolean autoRenew) {}
