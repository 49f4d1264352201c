package com.canon.cps.membership.subscription.domain;

/**
 * The subscription after a change.
 *
 * @param nextTier the tier the next term will be ordered with (or was ordered with, once ordered)
 */
public record SubscriptionSettings(boolean autoRenew, String nextTier) {}
