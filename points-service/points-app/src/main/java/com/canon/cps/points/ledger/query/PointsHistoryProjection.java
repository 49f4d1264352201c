package com.canon.cps.points.ledger.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.canon.cps.points.ledger.domain.ProductRemovedFromLedger;
import com.canon.cps.points.ledger.domain.ProductTracked;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The points history: a document per change of the balance, keyed by the ledger event's sequence number, so a replay
 * writes the same documents again (a processing group of its own, which reads the ledger from the beginning, also for
 * ledgers recorded before it existed). A product tracked while incomplete leaves a marker, so that a ledger event from
 * before reasons were recorded (revision 1, reason null) can be told apart when read ({@link PointsQueries#history}):
 * counted after it was tracked, it was completed; else it was registered complete. Handlers only write.
 */
@Component
@ProcessingGroup(PointsHistoryProjection.PROCESSING_GROUP)
@Projection(PointsHistoryView.class)
class PointsHistoryProjection {

    static final String PROCESSING_GROUP = "points-history";
    static final String DEREGISTERED = "PRODUCT_DEREGISTERED";

    private final ProjectionWriter writer;

    PointsHistoryProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ProductTracked e, @SequenceNumber long sequence) {
        writer.upsert(
                PointsHistoryView.COLLECTION,
                PointsHistoryView.trackedIdOf(e.accountId(), e.productId()),
                sequence,
                Update.update("accountId", e.accountId())
                        .set("productId", e.productId())
                        .set("modelCode", e.modelCode())
                        .set("sequence", sequence)
                        .set("at", e.at())
                        .set("change", 0)
                        .set("balance", e.balance())
                        .set("tracked", true));
    }

    @EventHandler
    void on(ProductPointsCounted e, @SequenceNumber long sequence) {
        change(e.accountId(), sequence, e.at(), e.points(), e.balance(), e.reason(), e.productId(), e.modelCode());
    }

    @EventHandler
    void on(ProductRemovedFromLedger e, @SequenceNumber long sequence) {
        if (e.wasCounted()) {
            change(
                    e.accountId(),
                    sequence,
                    e.at(),
                    -e.points(),
                    e.balance(),
                    DEREGISTERED,
                    e.productId(),
                    e.modelCode());
        }
    }

    private void change(
            String accountId,
            long sequence,
            Instant at,
            int change,
            int balance,
            String reason,
            String productId,
            String modelCode) {
        writer.upsert(
                PointsHistoryView.COLLECTION,
                PointsHistoryView.idOf(accountId, sequence),
                sequence,
                Update.update("accountId", accountId)
                        .set("sequence", sequence)
                        .set("at", at)
                        .set("change", change)
                        .set("balance", balance)
                        .set("reason", reason)
                        .set("productId", productId)
                        .set("modelCode", modelCode)
                        .set("tracked", false));
    }
}
