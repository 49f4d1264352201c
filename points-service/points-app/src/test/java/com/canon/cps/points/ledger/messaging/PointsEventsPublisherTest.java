package com.canon.cps.points.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import com.canon.cps.points.ledger.domain.InvitationThresholdReached;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.canon.cps.points.ledger.domain.ProductRemovedFromLedger;
import com.canon.cps.points.ledger.domain.ProductTracked;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of {@code cps.points.events} against the golden sample of each event version
 * (points-contract's {@code META-INF/cps/samples}), and which ledger events are published at all.
 */
class PointsEventsPublisherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNT = "0b6f4d2e-5c1a-4e8b-9f3d-7a2c1e5b8d40";
    private static final Instant T = Instant.parse("2026-11-27T09:42:55.987Z");

    private final PointsEventsPublisher publisher = new PointsEventsPublisher();

    @Test
    void countedPoints_arePublishedAsBalanceChanged_matchingTheGoldenSample() throws IOException {
        OutboundEvent out = map(new ProductPointsCounted(
                        ACCOUNT,
                        "5c4b3a29-1807-4f6e-9d5c-4b3a29180756",
                        "EOS-5D-MARK-III",
                        235,
                        580,
                        2,
                        T,
                        ProductPointsCounted.COMPLETED))
                .orElseThrow();

        assertThat(out.type()).isEqualTo("cps.points.PointsBalanceChanged.v1");
        assertThat(out.subject()).isEqualTo(ACCOUNT);
        assertThat(JSON.readTree(JSON.writeValueAsString(out.data())))
                .isEqualTo(JSON.readTree(golden("cps.points.PointsBalanceChanged.v1.json")));
        assertThat(JSON.readValue(golden("cps.points.PointsBalanceChanged.v1.json"), PointsBalanceChanged.class))
                .isEqualTo(out.data());
    }

    @Test
    void thresholdReached_matchesTheGoldenSample() throws IOException {
        OutboundEvent out =
                map(new InvitationThresholdReached(ACCOUNT, 500, 580, T)).orElseThrow();

        assertThat(out.type()).isEqualTo("cps.points.PointsThresholdReached.v1");
        assertThat(JSON.readTree(JSON.writeValueAsString(out.data())))
                .isEqualTo(JSON.readTree(golden("cps.points.PointsThresholdReached.v1.json")));
        assertThat(JSON.readValue(golden("cps.points.PointsThresholdReached.v1.json"), PointsThresholdReached.class))
                .isEqualTo(out.data());
    }

    @Test
    void onlyChangesOfTheBalanceArePublished() {
        assertThat(map(new ProductRemovedFromLedger(ACCOUNT, "p1", "EOS-R5", 280, true, 220, 2, T)))
                .get()
                .extracting(OutboundEvent::data)
                .isEqualTo(new PointsBalanceChanged(ACCOUNT, 220, 2, T, -280, "PRODUCT_DEREGISTERED", "p1", "EOS-R5"));
        assertThat(map(new ProductRemovedFromLedger(ACCOUNT, "p1", "EOS-R5", 280, false, 500, 3, T)))
                .as("an uncounted product left: the balance did not change")
                .isEmpty();
        assertThat(map(new ProductTracked(ACCOUNT, "p1", "EOS-R5", 280, 500, 3, T)))
                .isEmpty();
    }

    private Optional<OutboundEvent> map(Object payload) {
        return publisher.map(GenericEventMessage.asEventMessage(payload));
    }

    private static byte[] golden(String sample) throws IOException {
        try (InputStream in = PointsEventsPublisherTest.class.getResourceAsStream("/META-INF/cps/samples/" + sample)) {
            return in.readAllBytes();
        }
    }
}
