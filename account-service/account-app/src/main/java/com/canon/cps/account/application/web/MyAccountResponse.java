package com.canon.cps.account.application.web;

import com.canon.cps.account.application.query.MemberAccountView;

/** Body of {@code GET /api/accounts/me} (API.md). */
record MyAccountResponse(
        String accountId,
        String companyName,
        Address address,
        String contactName,
        String contactEmail,
        String language,
        boolean vatLiable,
        String vatId,
        String status,
        boolean legacyCpsEmailProvided) {

    record Address(String line1, String postalCode, String city, String country) {}

    static MyAccountResponse of(MemberAccountView v) {
        MemberAccountView.Address a = v.address();
        return new MyAccountResponse(
                v.accountId(),
                v.companyName(),
                a == null ? null : new Address(a.line1(), a.postalCode(), a.city(), a.country()),
                v.contactName(),
                v.contactEmail(),
                v.language(),
                v.vatLiable(),
                v.vatId(),
                v.status(),
                v.legacyCpsEmailProvided());
    }
}
