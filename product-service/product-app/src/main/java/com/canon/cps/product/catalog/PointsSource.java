package com.canon.cps.product.catalog;

/** Where a catalogue point value comes from. */
public enum PointsSource {
    /** Canon's published CPS value. */
    REAL,
    /** A stand-in until the real value is known; the data must say so rather than pass it off as real. */
    PLACEHOLDER
}
