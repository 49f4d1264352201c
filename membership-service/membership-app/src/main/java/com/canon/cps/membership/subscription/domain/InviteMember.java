package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The account reached the invitation threshold with {@code points}; invites it unless it was invited before. */
@Revision("1")
public record InviteMember(@TargetAggregateIdentifier String accountId, int points) {}
