package com.canon.cps.account.onboarding.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a member sees of its own account ({@code GET /api/accounts/me}); read by the account id from the token only.
 * The old CPS e-mail itself is not shown, only whether one was given and whether it is proven.
 *
 * @param pendingContactEmail a new contact e-mail waiting for its confirmation link to be used, else {@code null}
 * @param pendingCompanyChange a change of company name or VAT ID being verified, else {@code null}
 */
@Document(MemberAccountView.COLLECTION)
public record MemberAccountView(
        @Id String accountId,
        String companyName,
        Address address,
        String contactName,
        String contactEmail,
        String language,
        boolean vatLiable,
        String vatId,
        String status,
        boolean legacyCpsEmailProvided,
        Boolean legacyCpsEmailConfirmed,
        String pendingContactEmail,
        CompanyChange pendingCompanyChange) {

    public static final String COLLECTION = "member_accounts";

    /** Postal address as shown to the member. */
    public record Address(String line1, String postalCode, String city, String country) {}

    /** The company details asked for, while verification reviews them. */
    public record CompanyChange(String changeId, String companyName, String vatId, Instant requestedAt) {}
}
