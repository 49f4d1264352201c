package com.canon.cps.membership.subscription.web;

/**
 * The subscription after a change.
 *
 * @param nextTier the tier the next term will be ordered with (the current tier unless another was chosen)
 */
record SubscriptionResponse(String membershipNumber, boolean autoRenew, String nextTier) {}
