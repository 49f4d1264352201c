package com.canon.cps.points.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.FakeProjectionWriter;
import com.canon.cps.points.ledger.domain.InvitationThresholdReached;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.canon.cps.points.ledger.domain.ProductRemovedFromLedger;
import com.canon.cps.points.ledger.domain.ProductTracked;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The balance and product documents, built from the ledger's events against an in-memory writer (no Spring). */
class PointsBalanceProjectionTest {

    private static final String ACC = "acc-1";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final PointsBalanceProjection projection = new PointsBalanceProjection(writer);

    @Test
    void aCountedProduct_raisesTheBalance_andTheThresholdMarksTheAccountInvited() {
        projection.on(new ProductTracked(ACC, "p1", "EOS-R5", 300, 0, 0, NOW), 0);
        projection.on(new ProductPointsCounted(ACC, "p1", "EOS-R5", 300, 300, 1, NOW, "PRODUCT_COMPLETED"), 1);
        projection.on(new InvitationThresholdReached(ACC, 250, 300, NOW), 2);

        assertThat(writer.document(PointsBalanceView.COLLECTION, ACC))
                .containsEntry("balance", 300)
                .containsEntry("completeProductCount", 1)
                .containsEntry("invited", true);
        assertThat(writer.document(PointsProductView.COLLECTION, PointsProductView.idOf(ACC, "p1")))
                .containsEntry("modelCode", "EOS-R5")
                .containsEntry("points", 300)
                .containsEntry("counted", true)
                .containsEntry("removed", false);
    }

    @Test
    void aRemovedProduct_lowersTheBalance_andAReplayedOlderEventChangesNothing() {
        projection.on(new ProductPointsCounted(ACC, "p1", "EOS-R5", 300, 300, 1, NOW, "PRODUCT_COMPLETED"), 0);
        projection.on(new ProductRemovedFromLedger(ACC, "p1", "EOS-R5", 300, true, 0, 0, NOW), 1);

        projection.on(new ProductPointsCounted(ACC, "p1", "EOS-R5", 300, 300, 1, NOW, "PRODUCT_COMPLETED"), 0);

        assertThat(writer.document(PointsBalanceView.COLLECTION, ACC))
                .containsEntry("balance", 0)
                .containsEntry("completeProductCount", 0);
        assertThat(writer.document(PointsProductView.COLLECTION, PointsProductView.idOf(ACC, "p1")))
                .containsEntry("counted", false)
                .containsEntry("removed", true);
    }
}
