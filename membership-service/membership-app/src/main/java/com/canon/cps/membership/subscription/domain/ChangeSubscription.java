package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Manage the subscription: switch auto-renewal and/or choose the tier the next term is ordered with (an upgrade or a
 * downgrade, within the points). A null component leaves that setting as it is; both are decided together, so a
 * refused tier changes nothing.
 */
public record ChangeSubscription(@TargetAggregateIdentifier String accountId, Boolean autoRenew, String nextTier) {}
