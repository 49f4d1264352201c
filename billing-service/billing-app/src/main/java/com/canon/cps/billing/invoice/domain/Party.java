package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;

/** Seller or buyer as printed on an invoice; {@code vatId} null where none is relevant. */
public record Party(String name, String line1, String postalCode, String city, String country, String vatId) {

    /** {@code party} with every value erased (a VAT ID only where it had one). */
    static Party erased(Party party) {
        String e = PersonalData.ERASED;
        return party == null ? null : new Party(e, e, e, e, e, party.vatId() == null ? null : e);
    }
}
