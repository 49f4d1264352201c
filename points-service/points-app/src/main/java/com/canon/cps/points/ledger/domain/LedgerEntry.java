package com.canon.cps.points.ledger.domain;

/** One product in a ledger, with the points fixed when it was registered. */
record LedgerEntry(String modelCode, int points, EntryStatus status) {}
