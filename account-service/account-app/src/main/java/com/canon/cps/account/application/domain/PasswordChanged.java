package com.canon.cps.account.application.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member's password was replaced, with the reset link {@code resetIssueId}. Neither password nor hash is in the
 * event; the credential lives in its own table. Every session of the account (its refresh tokens) ends with it.
 */
@Revision("1")
public record PasswordChanged(String accountId, String resetIssueId, Instant changedAt) implements AccountEvent {}
