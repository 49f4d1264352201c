package com.canon.cps.account.application.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a member sees of its own account ({@code GET /api/accounts/me}); read by the account id from the token only.
 * The old CPS e-mail itself is not shown, only whether one was given.
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
        boolean legacyCpsEmailProvided) {

    public static final String COLLECTION = "member_accounts";

    /** Postal address as shown to the member. */
    public record Address(String line1, String postalCode, String city, String country) {}
}
