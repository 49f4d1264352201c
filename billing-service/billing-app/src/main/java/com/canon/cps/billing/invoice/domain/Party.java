package com.canon.cps.billing.invoice.domain;

/** Seller or buyer as printed on an invoice; {@code vatId} null where none is relevant. */
public record Party(String name, String line1, String postalCode, String city, String country, String vatId) {}
