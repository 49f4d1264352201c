package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member gave (or corrected, before confirming it) the e-mail of its old CPS account after the application. Like the
 * one given when applying it must be proven with a code before any product is migrated.
 */
@Revision("1")
public record LegacyCpsEmailGiven(
        String accountId, @PersonalData String legacyCpsEmail, Instant givenAt) implements AccountEvent {}
