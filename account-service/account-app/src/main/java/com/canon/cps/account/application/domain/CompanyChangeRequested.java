package com.canon.cps.account.application.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member asked to change the company name or VAT ID; verification reviews it before it applies. The values are
 * those after the change (the unchanged one repeats the current value); {@code vatId} passed the offline check.
 */
@Revision("1")
public record CompanyChangeRequested(
        String accountId,
        String changeId,
        String companyName,
        String vatId,
        String previousCompanyName,
        String previousVatId,
        String country,
        Instant requestedAt)
        implements AccountEvent {}
