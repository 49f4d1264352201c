package com.canon.cps.verification.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of verification-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class VerificationContractTest extends PublishedContractTest {

    VerificationContractTest() {
        super(
                "verification",
                "Verification of Business Account applications: verified (by the registry policy or an operator), rejected, information requested (with the token of the answer link, sealed for notification-service) and provided, SLA deadline breached; and of the changes of company name or VAT ID members ask for: approved or rejected.");
    }
}
