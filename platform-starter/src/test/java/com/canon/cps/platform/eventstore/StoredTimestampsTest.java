package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-01T00:00:00Z",
                "2026-12-07T21:05:09.1Z",
                "2026-12-07T21:05:09.123Z",
                "2026-12-07T21:05:09.123456Z",
                "2026-12-07T21:05:09.123456789Z",
                "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00.000Z",
                "2026-12-07T22:05:09.123+01:00", // not UTC: left to Axon's parser
            })
    void readsWhatAxonReads(String stored) {
        assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @Test
    void readsAxonsOwnFormatting() {
        Instant now = Instant.now();
        String stored = DateTimeUtils.formatInstant(now);
        assertThat(StoredTimestamps.utc(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-07T22:05:09.123+01:00",
                "2026-12-07 21:05:09Z",
                "2026-12-07T21:05:09.Z",
                "2026-12-07T21:05:09.1234567890Z",
                "2026-12-07T21:05:9Z",
                "2026-02-30T00:00:00Z",
                "2026-12-07T24:00:00Z",
                "2026-1x-07T21:05:09Z",
            })
    void leavesAnyOtherShapeToAxon(String stored) {
        assertThat(StoredTimestamps.utc(stored)).isNull();
    }

    @Test
    void aMalformedValueFailsAsAxonFails() {
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-02-30T00:00:00Z"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
