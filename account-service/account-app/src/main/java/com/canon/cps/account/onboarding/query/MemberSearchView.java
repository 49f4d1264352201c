package com.canon.cps.account.onboarding.query;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One account as the operators' member search finds it ({@code GET /api/operators/members}). The {@code *Key} fields
 * are what a search matches by prefix, lower-case and indexed, so a search reads index ranges, never every account.
 *
 * @param emailKey the contact e-mail (the login name), lower-case
 * @param companyKeys the company name and each of its words, lower-case
 * @param vatKeys the VAT ID with and without its country prefix, lower-case, without spaces
 */
@Document(MemberSearchView.COLLECTION)
public record MemberSearchView(
        @Id String accountId,
        String email,
        String companyName,
        String vatId,
        String country,
        String status,
        @Indexed(name = "by_email") String emailKey,
        @Indexed(name = "by_company") List<String> companyKeys,
        @Indexed(name = "by_vat_id") List<String> vatKeys) {

    public static final String COLLECTION = "member_search";
}
