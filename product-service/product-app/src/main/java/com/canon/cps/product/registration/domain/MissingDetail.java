package com.canon.cps.product.registration.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A detail a registration still needs before it is complete (the seed lists the serial number among them: a product
 * may be registered without it and gets it later).
 */
public enum MissingDetail {
    SERIAL_NUMBER,
    PURCHASE_DATE,
    COUNTRY_OF_PURCHASE,
    DEALER;

    /** What a registration with this serial number (null when none was given) and these details still needs. */
    public static List<MissingDetail> of(String serialNumber, PurchaseDetails details) {
        List<MissingDetail> missing = new ArrayList<>(4);
        if (serialNumber == null) {
            missing.add(SERIAL_NUMBER);
        }
        missing.addAll(details.missingDetails());
        return List.copyOf(missing);
    }

    /** Complete (the green tick): serial number, purchase date, country of purchase and dealer all given. */
    public static boolean complete(String serialNumber, PurchaseDetails details) {
        return serialNumber != null && details.complete();
    }
}
