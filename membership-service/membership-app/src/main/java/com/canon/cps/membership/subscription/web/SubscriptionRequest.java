package com.canon.cps.membership.subscription.web;

/**
 * {@code PATCH /api/membership/subscription}: switch auto-renewal, choose the next term's tier, or both; at least one
 * is required.
 */
record SubscriptionRequest(Boolean autoRenew, String nextTier) {}
