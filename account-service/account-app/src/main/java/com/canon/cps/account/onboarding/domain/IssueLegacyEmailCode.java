package com.canon.cps.account.onboarding.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member asks for a (new) code for its old CPS e-mail. */
public record IssueLegacyEmailCode(
        @TargetAggregateIdentifier String accountId, LegacyEmailCodeRequest code) {}
