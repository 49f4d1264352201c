package com.canon.cps.verification.review.domain;

/**
 * A document an application refers to.
 *
 * @param type the evidence type it was uploaded as; {@code null} when no uploaded document has this id (the operator
 *     sees it as missing)
 */
public record EvidenceDocument(String documentId, String type) {

    public boolean missing() {
        return type == null;
    }
}
