package com.canon.cps.points.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A ledger snapshot is the aggregate serialized by the service's general serializer (Axon's Jackson serializer, with
 * the platform's object mapper); it must come back with every product and the threshold flag, or a loaded ledger would
 * count products again.
 */
class PointsLedgerSnapshotTest {

    @Test
    void ledger_survivesTheSnapshotRoundTrip() {
        PointsLedger ledger = new PointsLedger();
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        ledger.on(new ProductPointsCounted(
                "acc-1", "p1", "EOS-5D-MARK-III", 300, 300, 1, t, ProductPointsCounted.REGISTERED));
        ledger.on(new ProductPointsCounted("acc-1", "p2", "EOS-R5", 250, 550, 2, t, ProductPointsCounted.REGISTERED));
        ledger.on(new InvitationThresholdReached("acc-1", 500, 550, t));
        ledger.on(new ProductTracked("acc-1", "p3", "EF-40-F2.8-STM", 15, 550, 2, t));
        ledger.on(new ProductRemovedFromLedger("acc-1", "p1", "EOS-5D-MARK-III", 300, true, 250, 1, t));
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .build();

        SerializedObject<byte[]> snapshot = serializer.serialize(ledger, byte[].class);
        PointsLedger loaded = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo("1");
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8))
                .contains("\"entries\"", "\"thresholdReached\"");
        assertThat(loaded.getAccountId()).isEqualTo("acc-1");
        assertThat(loaded.getBalance()).isEqualTo(250);
        assertThat(loaded.getCompleteProductCount()).isEqualTo(1);
        assertThat(loaded.isThresholdReached()).isTrue();
        assertThat(loaded.getEntries())
                .containsEntry("p1", new LedgerEntry("EOS-5D-MARK-III", 300, EntryStatus.REMOVED))
                .containsEntry("p2", new LedgerEntry("EOS-R5", 250, EntryStatus.COUNTED))
                .containsEntry("p3", new LedgerEntry("EF-40-F2.8-STM", 15, EntryStatus.TRACKED))
                .hasSize(3);
    }
}
