package com.canon.cps.membership.subscription.domain;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The term ending {@code termExpiresOn} is over: renew it or let the membership expire. */
@Revision("1")
public record EndTerm(@TargetAggregateIdentifier String accountId, LocalDate termExpiresOn) {}
