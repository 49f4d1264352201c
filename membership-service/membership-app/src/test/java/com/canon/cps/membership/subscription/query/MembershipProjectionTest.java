package com.canon.cps.membership.subscription.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.subscription.domain.MarketRecorded;
import com.canon.cps.membership.subscription.domain.MembershipActivated;
import com.canon.cps.membership.subscription.domain.MembershipExpired;
import com.canon.cps.membership.subscription.domain.MembershipInvited;
import com.canon.cps.platform.test.FakeProjectionWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member's dashboard document, built from the membership's events against an in-memory writer (no Spring). */
class MembershipProjectionTest {

    private static final String ACC = "acc-1";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final MembershipProjection projection = new MembershipProjection(writer);

    private Map<String, Object> view() {
        return writer.document(MembershipView.COLLECTION, ACC);
    }

    @Test
    void anInvitedAccountThatBuys_isShownActiveWithItsTerm() {
        projection.on(new MarketRecorded(ACC, "DE", "de"), 0);
        projection.on(new MembershipInvited(ACC, 500, NOW), 1);
        projection.on(
                new MembershipActivated(
                        ACC, "123456789", "SILVER", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), true, NOW),
                2);

        assertThat(view())
                .containsEntry("country", "DE")
                .containsEntry("invited", true)
                .containsEntry("status", "ACTIVE")
                .containsEntry("tier", "SILVER")
                .containsEntry("membershipNumber", "123456789")
                .containsEntry("expiresOn", "2027-11-30")
                .containsEntry("autoRenew", true);
    }

    @Test
    void anExpiredMembership_isShownExpired_andAReplayedOlderEventChangesNothing() {
        projection.on(
                new MembershipActivated(
                        ACC, "123456789", "GOLD", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), false, NOW),
                0);
        projection.on(new MembershipExpired(ACC, "123456789", LocalDate.of(2027, 11, 30), NOW), 1);

        projection.on(
                new MembershipActivated(
                        ACC, "123456789", "GOLD", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30), false, NOW),
                0);

        assertThat(view()).containsEntry("status", "EXPIRED").containsEntry("tier", "GOLD");
    }
}
