package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Verification rejected the application; the account can never be opened or get a password. */
@Revision("1")
public record AccountRejected(
        String accountId, String caseId, @PersonalData String reason, Instant rejectedAt) implements AccountEvent {}
