package com.canon.cps.account.onboarding.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member gives the e-mail of its old CPS account after the application (or corrects one not yet confirmed), and a
 * code is sent to it at once.
 */
public record GiveLegacyCpsEmail(
        @TargetAggregateIdentifier String accountId, String legacyCpsEmail, LegacyEmailCodeRequest code) {}
