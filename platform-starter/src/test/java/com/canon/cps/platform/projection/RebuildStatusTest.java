package com.canon.cps.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.projection.ProjectionRebuilds.RebuildStatus;
import com.canon.cps.platform.projection.RebuildStore.Row;
import com.canon.cps.platform.projection.RebuildStore.Status;
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
        // 100,000 of 400,000 events in 1,000 s: 100 events/s and 3,000 s to go; a pause of the test thread (a loaded
        // machine) moves the estimate by a fraction of a percent, not out of the range
        Row row = new Row(
                "memberships",
                1,
                2,
                Status.RUNNING,
                100_000,
                400_000,
                99_999L,
                null,
                "me",
                Instant.now().minusSeconds(1_000),
                null,
                null,
                null);
        RebuildStatus status = RebuildRun.stored(row);
        assertThat(status.eventsPerSecond()).isBetween(98.0, 100.1);
        assertThat(java.time.Duration.parse(status.eta()).toSeconds()).isBetween(2_990L, 3_070L);
        assertThat(status.total()).isEqualTo(400_000);
    }

    private static Row row(Status status, long processed, long total, Long position, String gaps, Instant finished) {
        return new Row(
                "memberships", 1, 2, status, processed, total, position, gaps, "me", STARTED, finished, null, null);
    }
}
