package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member changes contact name, language and/or address; a {@code null} leaves that detail as it is. Answers the
 * names of the details that actually changed (empty: nothing to record).
 */
public record ChangeAccountDetails(
        @TargetAggregateIdentifier String accountId,
        String contactName,
        String language,
        PostalAddress address,
        Instant changedAt) {}
