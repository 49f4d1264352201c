package com.canon.cps.points.ledger.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.points.ledger.domain.InvitationThresholdReached;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.canon.cps.points.ledger.domain.ProductRemovedFromLedger;
import com.canon.cps.points.ledger.domain.ProductTracked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The member's points: a balance document per account and a document per product, each guarded by the ledger's
 * sequence number. Events carry the balance after the change (not a delta), so applying an event twice, or replaying
 * the whole store into existing documents, leaves the same numbers.
 */
@Component
@ProcessingGroup(PointsBalanceProjection.PROCESSING_GROUP)
@Projection({PointsBalanceView.class, PointsProductView.class})
class PointsBalanceProjection {

    static final String PROCESSING_GROUP = "points-balances";

    private final ProjectionWriter writer;

    PointsBalanceProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ProductTracked e, @SequenceNumber long sequence) {
        product(e.accountId(), e.productId(), e.modelCode(), e.points(), false, false, sequence);
        balance(e.accountId(), e.balance(), e.completeProductCount(), sequence);
    }

    @EventHandler
    void on(ProductPointsCounted e, @SequenceNumber long sequence) {
        product(e.accountId(), e.productId(), e.modelCode(), e.points(), true, false, sequence);
        balance(e.accountId(), e.balance(), e.completeProductCount(), sequence);
    }

    @EventHandler
    void on(ProductRemovedFromLedger e, @SequenceNumber long sequence) {
        product(e.accountId(), e.productId(), e.modelCode(), e.points(), false, true, sequence);
        balance(e.accountId(), e.balance(), e.completeProductCount(), sequence);
    }

    @EventHandler
    void on(InvitationThresholdReached e, @SequenceNumber long sequence) {
        writer.upsert(PointsBalanceView.COLLECTION, e.accountId(), sequence, Update.update("invited", true));
    }

    private void product(
            String accountId,
            String productId,
            String modelCode,
            int points,
            boolean counted,
            boolean removed,
            long sequence) {
        Update update = Update.update("accountId", accountId)
                .set("productId", productId)
                .set("modelCode", modelCode)
                .set("points", points)
                .set("counted", counted)
                .set("removed", removed);
        writer.upsert(PointsProductView.COLLECTION, PointsProductView.idOf(accountId, productId), sequence, update);
    }

    private void balance(String accountId, int balance, int completeProductCount, long sequence) {
        writer.upsert(
                PointsBalanceView.COLLECTION,
                accountId,
                sequence,
                Update.update("balance", balance).set("completeProductCount", completeProductCount));
    }
}
