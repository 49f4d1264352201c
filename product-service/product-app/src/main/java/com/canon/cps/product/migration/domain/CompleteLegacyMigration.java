package com.canon.cps.product.migration.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the migration, sent in the transaction that registered the copied products: refused (and with it every
 * copy) unless this account gave {@code legacyEmail} and has not migrated yet.
 */
public record CompleteLegacyMigration(
        @TargetAggregateIdentifier String migrationId,
        String legacyEmail,
        List<String> productIds,
        List<SkippedRegistration> skipped,
        Instant migratedAt) {}
