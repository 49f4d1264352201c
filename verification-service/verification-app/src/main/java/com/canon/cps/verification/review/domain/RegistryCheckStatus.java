package com.canon.cps.verification.review.domain;

/**
 * What the VAT registry said about a case's VAT ID. {@code UNAVAILABLE} means unknown (not yet answered, or a
 * registry fault), never invalid.
 */
public enum RegistryCheckStatus {
    VALID,
    INVALID,
    UNAVAILABLE,
    NOT_APPLICABLE
}
