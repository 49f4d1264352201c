package com.canon.cps.product.contract;

import com.canon.cps.contract.test.PublishedContractTest;

/** The published contract of product-service: records vs. JSON Schemas, golden samples, AsyncAPI document. */
class ProductContractTest extends PublishedContractTest {

    ProductContractTest() {
        super(
                "product",
                "Product registrations of an account: registered, details completed (the product now earns its points), still incomplete a reminder period after the registration, deregistered, migrated from the old CPS system.");
    }
}
