package com.canon.cps.product.migration.domain;

/** Internal events of an account's legacy migration. */
public sealed interface MigrationEvent
        permits LegacyMigrationPrepared, LegacyEmailConfirmed, ProductsMigrated, LegacyMigrationStopped {
    String migrationId();

    String accountId();
}
