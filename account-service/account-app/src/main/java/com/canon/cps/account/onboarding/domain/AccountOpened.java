package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Verification approved the application: the Business Account exists. Carries the application data the published
 * contract needs (the publisher maps event by event and keeps no state), including the old CPS e-mail that
 * product-service needs to offer the migration.
 *
 * @param caseId the verification case that approved the account
 * @param verificationMethod {@code REGISTRY_POLICY} or {@code OPERATOR}, as verification-service reported it
 */
@Revision("1")
public record AccountOpened(
        String accountId,
        String caseId,
        String verificationMethod,
        @PersonalData String companyName,
        String country,
        String language,
        @PersonalData String legacyCpsEmail,
        Instant openedAt)
        implements AccountEvent {}
