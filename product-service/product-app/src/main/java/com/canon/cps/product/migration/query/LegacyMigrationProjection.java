package com.canon.cps.product.migration.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.product.migration.domain.LegacyEmailConfirmed;
import com.canon.cps.product.migration.domain.LegacyMigrationPrepared;
import com.canon.cps.product.migration.domain.LegacyMigrationStopped;
import com.canon.cps.product.migration.domain.ProductsMigrated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One document per account, versioned by the migration aggregate's sequence number. */
@Component
@ProcessingGroup("legacy-migrations")
@Projection(LegacyMigrationView.class)
class LegacyMigrationProjection {

    private final ProjectionWriter writer;

    LegacyMigrationProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(LegacyMigrationPrepared e, @SequenceNumber long sequence) {
        writer.upsert(
                LegacyMigrationView.COLLECTION,
                e.accountId(),
                sequence,
                Update.update("legacyEmail", e.legacyEmail())
                        .set("legacyEmailConfirmed", false)
                        .set("completed", false));
    }

    /** Never after {@code ProductsMigrated} (the aggregate ignores a confirmation then), so not yet completed. */
    @EventHandler
    void on(LegacyEmailConfirmed e, @SequenceNumber long sequence) {
        writer.upsert(
                LegacyMigrationView.COLLECTION,
                e.accountId(),
                sequence,
                Update.update("legacyEmail", e.legacyEmail())
                        .set("legacyEmailConfirmed", true)
                        .set("completed", false));
    }

    @EventHandler
    void on(ProductsMigrated e, @SequenceNumber long sequence) {
        Update update = Update.update("completed", true)
                .set("migratedProductIds", e.productIds())
                .set(
                        "skipped",
                        e.skipped().stream()
                                .map(s -> new LegacyMigrationView.Skipped(
                                        s.modelCode(),
                                        s.serialNumber(),
                                        s.reason().name()))
                                .toList())
                .set("migratedAt", e.migratedAt());
        writer.upsert(LegacyMigrationView.COLLECTION, e.accountId(), sequence, update);
    }

    /** The account was erased: its old e-mail is forgotten and MIGRATE PRODUCTS is never offered again. */
    @EventHandler
    void on(LegacyMigrationStopped e, @SequenceNumber long sequence) {
        writer.upsert(
                LegacyMigrationView.COLLECTION,
                e.accountId(),
                sequence,
                Update.update("legacyEmail", null)
                        .set("legacyEmailConfirmed", false)
                        .set("stopped", true));
    }
}
