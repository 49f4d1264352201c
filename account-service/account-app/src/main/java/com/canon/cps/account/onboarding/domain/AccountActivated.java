package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member set a password with the setup link {@code setupIssueId}: the account is active. The password (and its
 * hash) never appear in events; credentials live in their own table.
 */
@Revision("1")
public record AccountActivated(String accountId, String setupIssueId, Instant activatedAt) implements AccountEvent {}
