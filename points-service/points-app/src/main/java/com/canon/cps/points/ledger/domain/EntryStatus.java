package com.canon.cps.points.ledger.domain;

/** Where a product stands in the ledger. Only forward: TRACKED → COUNTED → REMOVED, or straight to REMOVED. */
enum EntryStatus {
    /** Registered but incomplete: earns nothing yet. */
    TRACKED,
    /** Complete: its points are in the balance. */
    COUNTED,
    /** Deregistered: never counts again, whatever arrives later. */
    REMOVED
}
