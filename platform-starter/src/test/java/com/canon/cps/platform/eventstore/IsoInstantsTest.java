package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

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
        assertThat(IsoInstants.stored(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @Test
    void readsAxonsOwnFormatting() {
        Instant now = Instant.now();
        String stored = DateTimeUtils.formatInstant(now);
        assertThat(IsoInstants.utc(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
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
        assertThat(IsoInstants.utc(stored)).isNull();
    }

    @Test
    void aMalformedValueFailsAsAxonFails() {
        assertThatThrownBy(() -> IsoInstants.stored("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void writesWhatInstantToStringWrites() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("2026-12-08T03:30:00Z"),
                Instant.parse("2026-12-08T03:30:00.100Z"),
                Instant.parse("2026-12-08T03:30:00.000100Z"),
                Instant.parse("2026-12-08T03:30:00.000000100Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), // toString's own
                Instant.parse("1969-12-31T23:59:59.999Z"), // toString's own
                Instant.now()));
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong(253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void parsesAndRefusesAsInstantParse() {
        assertThat(IsoInstants.parse("2026-12-08T04:30:00.5+01:00")).isEqualTo(Instant.parse("2026-12-08T03:30:00.5Z"));
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("tomorrow")).isInstanceOf(DateTimeParseException.class);
    }
}
