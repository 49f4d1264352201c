package com.canon.cps.verification.review.domain;

/** How an application was approved. */
public enum VerificationMethod {
    /** An operator approved it, on the documents (and the registry answer, where there is one). */
    OPERATOR,
    /** Approved automatically because the registry confirmed the VAT ID ({@link ApprovalPolicy}). */
    REGISTRY_POLICY
}
