package com.canon.cps.account.onboarding.web;

import com.canon.cps.account.onboarding.query.MemberAccountView;
import java.time.Instant;

/**
 * Body of {@code GET /api/accounts/me} (docs/api.md), with what the member's own changes add: whether the old CPS e-mail is
 * proven, a new contact e-mail waiting for confirmation, and a change of company details being verified.
 */
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
        boolean legacyCpsEmailProvided,
        boolean legacyCpsEmailConfirmed,
        String pendingContactEmail,
        CompanyChange pendingCompanyChange) {

    record Address(String line1, String postalCode, String city, String country) {}

    record CompanyChange(String changeId, String companyName, String vatId, Instant requestedAt) {}

    static MyAccountResponse of(MemberAccountView v) {
        MemberAccountView.Address a = v.address();
        MemberAccountView.CompanyChange c = v.pendingCompanyChange();
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
                v.legacyCpsEmailProvided(),
                Boolean.TRUE.equals(v.legacyCpsEmailConfirmed()),
                v.pendingContactEmail(),
                c == null ? null : new CompanyChange(c.changeId(), c.companyName(), c.vatId(), c.requestedAt()));
    }
}
