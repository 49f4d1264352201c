package com.canon.cps.membership.membership.web;

/** The subscription after a change. */
record SubscriptionResponse(String membershipNumber, boolean autoRenew) {}
