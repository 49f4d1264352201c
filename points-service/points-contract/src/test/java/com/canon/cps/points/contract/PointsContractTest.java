package com.canon.cps.points.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of points-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class PointsContractTest extends PublishedContractTest {

    PointsContractTest() {
        super(
                "points",
                "The points ledger of an account: every change of the balance, and the invitation threshold reached.");
    }
}
