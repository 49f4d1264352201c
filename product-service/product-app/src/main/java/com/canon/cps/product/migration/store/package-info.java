/**
 * The imported export of the old CPS system ({@code legacy_registration}): the CSV reader, the line checks (the rules
 * a member's registration follows) and the table, keyed by old e-mail, model and normalised serial number.
 */
package com.canon.cps.product.migration.store;
