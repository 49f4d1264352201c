package com.canon.cps.account.onboarding.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A code for the old CPS e-mail, as asked for: at most one per {@code minInterval} and {@code maxPerDay} within 24
 * hours, so that six digits with five tries each cannot be guessed by asking again and again.
 *
 * @param issueId identifier of the code (chosen by the caller, not secret)
 */
public record LegacyEmailCodeRequest(
        String issueId, Instant requestedAt, Instant expiresAt, Duration minInterval, int maxPerDay) {}
