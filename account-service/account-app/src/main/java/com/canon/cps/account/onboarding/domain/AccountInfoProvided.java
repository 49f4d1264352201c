package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The applicant answered verification's request for information; the application waits for a decision again. */
@Revision("1")
public record AccountInfoProvided(String accountId, String caseId, Instant providedAt) implements AccountEvent {}
