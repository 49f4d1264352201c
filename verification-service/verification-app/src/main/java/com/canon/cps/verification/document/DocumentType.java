package com.canon.cps.verification.document;

import java.util.Arrays;
import java.util.Optional;

/** What an uploaded document is evidence of (docs/domain.md §1). */
enum DocumentType {
    /** VAT-liable applicants: the VAT registration certificate. */
    VAT_CERTIFICATE,
    /** VAT-liable applicants: an invoice showing the VAT ID and the company name. */
    INVOICE_WITH_VAT_ID,
    /** Applicants that are not VAT-liable: a commercial invoice not older than 3 months. */
    COMMERCIAL_INVOICE,
    /** Applicants that are not VAT-liable: a company or professional licence. */
    BUSINESS_LICENCE,
    /** Applicants that are not VAT-liable: an extract from the trade register. */
    TRADE_REGISTER_EXTRACT;

    public static Optional<DocumentType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
}
