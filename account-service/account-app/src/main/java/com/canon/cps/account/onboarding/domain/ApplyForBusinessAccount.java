package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApplyForBusinessAccount(
        @TargetAggregateIdentifier String accountId,
        String companyName,
        PostalAddress address,
        String contactName,
        String contactEmail,
        String language,
        boolean vatLiable,
        String vatId,
        List<String> documentIds,
        String legacyCpsEmail,
        Instant submittedAt) {}
