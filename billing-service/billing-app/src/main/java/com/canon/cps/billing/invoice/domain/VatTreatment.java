package com.canon.cps.billing.invoice.domain;

/** How VAT applies to an invoice (docs/domain.md §5). */
public enum VatTreatment {
    /** Buyer in the seller's country, or an EU buyer without a registry-confirmed VAT ID: the seller's rate. */
    DOMESTIC,
    /** VAT-liable buyer in another EU country whose VAT ID the registry confirmed: 0 %, the buyer accounts for it. */
    REVERSE_CHARGE,
    /** Buyer in the United Kingdom (GB, XI): UK VAT. */
    UK_VAT,
    /** Buyer outside the EU and the UK (CH, NO): no EU VAT charged. */
    NON_EU
}
