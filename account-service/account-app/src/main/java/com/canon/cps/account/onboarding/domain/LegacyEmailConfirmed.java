package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The member typed the code {@code issueId} sent to the old CPS e-mail: the address is proven, for good. */
@Revision("1")
public record LegacyEmailConfirmed(
        String accountId, String issueId, @PersonalData String legacyCpsEmail, Instant confirmedAt)
        implements AccountEvent {}
