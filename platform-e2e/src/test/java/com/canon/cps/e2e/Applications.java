package com.canon.cps.e2e;

import java.util.List;
import java.util.Map;

/** Application bodies as docs/api.md shows them. */
final class Applications {

    private Applications() {}

    static Map<String, Object> gbVatLiable(String company, String email) {
        return Map.of(
                "companyName",
                company,
                "address",
                Map.of("line1", "1 High St", "postalCode", "SW1A 1AA", "city", "London", "country", "GB"),
                "contactName",
                "Ada Lumen",
                "contactEmail",
                email,
                "language",
                "en",
                "vatLiable",
                true,
                "vatId",
                "GB980780684",
                "evidenceDocumentIds",
                List.of("doc-" + email.hashCode()),
                "authorisedToApply",
                true);
    }

    static Map<String, Object> deNonVat(String company, String email) {
        return Map.of(
                "companyName",
                company,
                "address",
                Map.of("line1", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE"),
                "contactName",
                "Max Muster",
                "contactEmail",
                email,
                "language",
                "de",
                "vatLiable",
                false,
                "evidenceDocumentIds",
                List.of("doc-" + email.hashCode()),
                "authorisedToApply",
                true);
    }
}
