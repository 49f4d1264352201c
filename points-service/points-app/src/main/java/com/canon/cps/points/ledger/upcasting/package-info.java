/** Upcasters of the ledger's stored events: each reads an older revision as the current one, tested on a stored sample. */
package com.canon.cps.points.ledger.upcasting;
