package com.canon.cps.membership.membership.web;

/** {@code PATCH /api/membership/subscription}: switch auto-renewal. */
record SubscriptionRequest(Boolean autoRenew) {}
