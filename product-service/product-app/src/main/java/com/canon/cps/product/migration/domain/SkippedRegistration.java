package com.canon.cps.product.migration.domain;

/** A legacy registration the migration did not copy, and why. */
public record SkippedRegistration(String modelCode, String serialNumber, Reason reason) {

    /** Why a legacy registration was not copied. */
    public enum Reason {
        /** Another account holds this serial number of this model. */
        REGISTERED_BY_ANOTHER_ACCOUNT,
        /** The member had already registered it anew. */
        ALREADY_REGISTERED_IN_THIS_ACCOUNT,
        /** The catalogue in force no longer lists the model. */
        MODEL_NOT_IN_CATALOGUE
    }
}
