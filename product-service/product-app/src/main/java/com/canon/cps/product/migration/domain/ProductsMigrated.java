package com.canon.cps.product.migration.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The account's legacy registrations were copied (once): the products registered, and those skipped. */
@Revision("1")
public record ProductsMigrated(
        String migrationId,
        String accountId,
        List<String> productIds,
        List<SkippedRegistration> skipped,
        Instant migratedAt)
        implements MigrationEvent {}
