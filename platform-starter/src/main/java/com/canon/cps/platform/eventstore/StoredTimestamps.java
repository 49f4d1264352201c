package com.canon.cps.platform.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * Parses the event table's {@code timestamp} column. Axon writes it as an ISO-8601 UTC date-time ({@code
 * 2026-01-01T12:00:00.123Z}) and parses it back with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}, which took an
 * eighth of the table publisher's time per event (JFR, PublisherBenchmark). This reads exactly that shape ({@code
 * yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1-9 digits, {@code Z}) field by field and leaves anything else (an
 * offset other than {@code Z}, a malformed value) to Axon's parser, so the result is always Axon's.
 */
final class StoredTimestamps {

    private StoredTimestamps() {}

    static Instant parse(String value) {
        Instant fast = utc(value);
        return fast != null ? fast : DateTimeUtils.parseInstant(value);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other text. */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. 2026-02-30 or 24:00:00: Axon's parser decides (and refuses)
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
