package com.canon.cps.account.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of account-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class AccountContractTest extends PublishedContractTest {

    AccountContractTest() {
        super(
                "account",
                "Business Account applications and what becomes of them: submitted, information requested, opened (verified) or rejected, the password-setup link, activation, the password-reset link; the member's own changes: password, contact details, contact e-mail (confirmed by a link), company name and VAT ID (verified first), and the proof of the old CPS e-mail; the erasure of an account's personal data (GDPR Art. 17).");
    }
}
