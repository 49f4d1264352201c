package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * The account was erased (GDPR Art. 17, account-service's {@code AccountErased}): end its membership at once, for good.
 * Idempotent; creates the membership when membership-service has not heard of the account yet, so that nothing arriving
 * later (an opened account, points, an invitation) brings it back.
 */
@Revision("1")
public record EraseMembership(@TargetAggregateIdentifier String accountId) {}
