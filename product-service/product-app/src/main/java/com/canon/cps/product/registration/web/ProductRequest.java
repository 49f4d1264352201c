package com.canon.cps.product.registration.web;

/**
 * The body of {@code POST /api/products} and {@code PATCH /api/products/{id}}. Fields are text, not typed, so that a
 * malformed date or country is answered with the field it is about rather than a generic "unreadable body".
 */
record ProductRequest(
        String modelCode,
        String serialNumber,
        String purchaseDate,
        Boolean purchaseDateEstimated,
        String countryOfPurchase,
        String dealer,
        Boolean dealerEstimated) {}
