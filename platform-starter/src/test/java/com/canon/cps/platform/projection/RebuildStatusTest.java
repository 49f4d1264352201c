package com.canon.cps.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.projection.ProjectionRebuilds.RebuildStatus;
import com.canon.cps.platform.projection.ProjectionRebuilds.Row;
import com.canon.cps.platform.projection.ProjectionRebuilds.Status;
import java.time.Instant;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

/** What a stored rebuild row says: its resume position, rate and remaining time. */
class RebuildStatusTest {

    private static final Instant STARTED = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void storedPosition_isResumedWithItsGaps() {
        Row row = row(Status.RUNNING, 500, 1000, 499L, "17,42", null);
        GapAwareTrackingToken token = (GapAwareTrackingToken) row.token();
        assertThat(token.getIndex()).isEqualTo(499);
        assertThat(token.getGaps()).containsExactly(17L, 42L);
        assertThat(row(Status.RUNNING, 0, 1000, null, null, null).token()).isNull();
        assertThat(((GapAwareTrackingToken)
                                row(Status.RUNNING, 1, 1, 0L, "", null).token())
                        .getGaps())
                .isEmpty();
    }

    @Test
    void finishedRebuild_reportsItsAverageRate_andNoEta() {
        RebuildStatus status =
                RebuildRun.stored(row(Status.SWITCHED, 100_000, 100_000, 99_999L, null, STARTED.plusSeconds(5)));
        assertThat(status.status()).isEqualTo("SWITCHED");
        assertThat(status.eventsPerSecond()).isEqualTo(20_000.0);
        assertThat(status.eta()).isNull();
        assertThat(status.fromVersion()).isEqualTo(1);
        assertThat(status.toVersion()).isEqualTo(2);
    }

    @Test
    void runningRebuild_estimatesTheRemainingTime() {
        Row row = new Row(
                "memberships",
                1,
                2,
                Status.RUNNING,
                1_000,
                4_000,
                999L,
                null,
                "me",
                Instant.now().minusSeconds(10),
                null,
                null,
                null);
        RebuildStatus status = RebuildRun.stored(row);
        assertThat(status.eventsPerSecond()).isBetween(90.0, 101.0);
        assertThat(status.eta()).isIn("PT30S", "PT31S", "PT29S");
        assertThat(status.total()).isEqualTo(4_000);
    }

    private static Row row(Status status, long processed, long total, Long position, String gaps, Instant finished) {
        return new Row(
                "memberships", 1, 2, status, processed, total, position, gaps, "me", STARTED, finished, null, null);
    }
}
