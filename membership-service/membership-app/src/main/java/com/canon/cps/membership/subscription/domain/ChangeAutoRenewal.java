package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Switch auto-renewal of the active membership on or off. */
@Revision("1")
record ChangeAutoRenewal(@TargetAggregateIdentifier String accountId, boolean autoRenew) {}
