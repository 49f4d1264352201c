package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member asked to change the company name or VAT ID: verification-service reviews it as a case (kind
 * {@code CHANGE}) and answers with {@code CompanyChangeApproved} or {@code CompanyChangeRejected} on
 * {@code cps.verification.events}; until then the account keeps its current details. Key and subject:
 * {@code accountId}.
 *
 * <p>v1: first version. {@code companyName} and {@code vatId} are the details as they would be after the change (the
 * unchanged one repeats the current value); the VAT ID is normalised and passed the offline format and check-digit
 * check.
 *
 * @param changeId identifies this request; the verification outcome refers to it
 * @param vatId the VAT ID after the change; {@code null} when the business has none (an invoice-only VAT-liable
 *     account that changes its name only)
 * @param previousVatId the current VAT ID, {@code null} if none
 * @param vatIdChanged whether the VAT ID changes (only then is the registry asked)
 */
public record CompanyChangeRequested(
        String accountId,
        String changeId,
        String companyName,
        String vatId,
        String previousCompanyName,
        String previousVatId,
        boolean vatIdChanged,
        String country,
        Instant requestedAt) {

    public static final String TYPE = "cps.account.CompanyChangeRequested.v1";
}
