/**
 * Migration of registrations from the old CPS system. Operators import the old system's export (CSV keyed by the
 * old e-mail) into {@code legacy_registration}; a member whose application gave an old CPS e-mail (learnt from
 * {@code AccountOpened}) and for whom the import holds registrations may migrate them once. Migration copies each
 * registration as a product of the account, all in one transaction with the {@code LegacyMigration} aggregate's
 * {@code ProductsMigrated}; a serial number another account already holds is skipped and reported.
 */
package com.canon.cps.product.migration;
