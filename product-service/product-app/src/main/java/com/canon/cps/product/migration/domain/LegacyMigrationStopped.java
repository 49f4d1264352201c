package com.canon.cps.product.migration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The account was erased before its migration happened: MIGRATE PRODUCTS is never offered again, and a later
 * {@code AccountOpened} or confirmation of the old CPS e-mail is ignored. Holds no e-mail (the migration's earlier
 * events hold it encrypted, unreadable since the erasure). Not raised for a migration already done.
 */
@Revision("1")
public record LegacyMigrationStopped(String migrationId, String accountId, Instant stoppedAt)
        implements MigrationEvent {}
