package com.canon.cps.membership.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of membership-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class MembershipContractTest extends PublishedContractTest {

    MembershipContractTest() {
        super(
                "membership",
                "The CPS membership of an account: invitation, subscription orders (checkout and renewal), activation, renewal, auto-renewal switched, the next term's tier chosen, a new card given, suspension for an unpaid invoice and reactivation, expiry.");
    }
}
