package com.canon.cps.product.registration.domain;

/** A detail a registration still needs before it is complete; the serial number is required from the start. */
public enum MissingDetail {
    PURCHASE_DATE,
    COUNTRY_OF_PURCHASE,
    DEALER
}
