package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountApplicationSubmitted(
        String accountId,
        @PersonalData String companyName,
        PostalAddress address,
        @PersonalData String contactName,
        @PersonalData String contactEmail,
        String language,
        boolean vatLiable,
        @PersonalData String vatId,
        List<String> documentIds,
        @PersonalData String legacyCpsEmail,
        Instant submittedAt)
        implements AccountEvent {}
