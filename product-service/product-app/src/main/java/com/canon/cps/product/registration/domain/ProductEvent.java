package com.canon.cps.product.registration.domain;

/** Internal events of a product registration; the publisher maps them to the {@code cps.product.events} contract. */
public sealed interface ProductEvent
        permits ProductRegistered,
                ProductDetailsUpdated,
                ProductDetailsCompleted,
                ProductDeregistered,
                SerialNumberGiven,
                ProductStillIncomplete {
    String productId();

    String accountId();
}
