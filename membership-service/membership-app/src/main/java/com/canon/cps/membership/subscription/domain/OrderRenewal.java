package com.canon.cps.membership.subscription.domain;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The renewal lead time before the term ending {@code termExpiresOn} has come: order the next term if due. */
@Revision("1")
public record OrderRenewal(@TargetAggregateIdentifier String accountId, LocalDate termExpiresOn) {}
