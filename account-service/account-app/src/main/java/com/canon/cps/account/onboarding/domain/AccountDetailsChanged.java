package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The member changed the contact name, language or address; they apply at once. Carries the values after the change
 * (all three, changed or not) and which of them changed.
 */
@Revision("1")
public record AccountDetailsChanged(
        String accountId,
        @PersonalData String contactName,
        String language,
        PostalAddress address,
        List<String> changedFields,
        Instant changedAt)
        implements AccountEvent {}
