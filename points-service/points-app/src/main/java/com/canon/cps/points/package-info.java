/**
 * points-service: the points ledger per account (feature {@code ledger}) and the invitation threshold; {@code config}
 * holds the typed settings and the ledger's wiring.
 */
package com.canon.cps.points;
