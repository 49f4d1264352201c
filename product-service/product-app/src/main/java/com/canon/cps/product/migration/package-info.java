/**
 * Migration of registrations from the old CPS system. Operators import the old system's export (CSV keyed by the
 * old e-mail) into {@code legacy_registration}; a member who proved its old CPS e-mail (learnt from account-service's
 * {@code LegacyEmailConfirmed}: the member typed the code sent to that address; {@code AccountOpened} only says which
 * address was given) and for whom the import holds registrations may migrate them once. Migration copies each
 * registration as a product of the account, all in one transaction with the {@code LegacyMigration} aggregate's
 * {@code ProductsMigrated}; a serial number another account already holds is skipped and reported.
 */
package com.canon.cps.product.migration;
