package com.canon.cps.billing.contract;

/** Seller or buyer of an invoice as printed on it; {@code vatId} is null where none is relevant. */
public record Party(String name, Address address, String vatId) {}
