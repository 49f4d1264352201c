package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Verification needs more information from the applicant before deciding; the application stays open. */
@Revision("1")
public record AccountInfoRequested(
        String accountId, String caseId, @PersonalData String reason, Instant requestedAt) implements AccountEvent {}
