package com.canon.cps.billing.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of billing-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class BillingContractTest extends PublishedContractTest {

    BillingContractTest() {
        super(
                "billing",
                "Invoices and payments: invoice issued (with its PDF), card verified or declined, a new card verified or declined, payment captured or failed, invoice paid or overdue, dunning exhausted, credit note issued (with its PDF), payment refunded or refund failed.");
    }
}
