package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member's password was replaced: with the reset link {@code resetIssueId}, or by the signed-in member who gave the
 * current one ({@code resetIssueId} {@code null}). Neither password nor hash is in the event; the credential lives in
 * its own table. Every session of the account (its refresh tokens) ends with it, except, for a change by the member,
 * the session the member asked to keep.
 */
@Revision("1")
public record PasswordChanged(String accountId, String resetIssueId, Instant changedAt) implements AccountEvent {}
