package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The confirmation link of {@code issueId} was used: the account has a new contact e-mail (and login name). */
@Revision("1")
public record ContactEmailChanged(
        String accountId,
        String issueId,
        @PersonalData String previousContactEmail,
        @PersonalData String contactEmail,
        Instant changedAt)
        implements AccountEvent {}
