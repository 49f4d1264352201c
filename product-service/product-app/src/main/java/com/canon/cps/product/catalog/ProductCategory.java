package com.canon.cps.product.catalog;

/** The product families the catalogue lists. */
public enum ProductCategory {
    /** EOS R system mirrorless bodies. */
    EOS_R_BODY,
    /** RF-mount lenses. */
    RF_LENS,
    /** Cinema EOS cameras. */
    CINEMA_EOS,
    /** EOS bodies for EF lenses (DSLRs). */
    EF_BODY,
    /** EF-mount lenses (including TS-E). */
    EF_LENS
}
