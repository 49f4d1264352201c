package com.canon.cps.platform.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * ISO-8601 instants in UTC, as the event table's {@code timestamp} column, the events' {@code Instant} fields and the
 * {@code ce_time} header hold them ({@code 2026-01-01T12:00:00.123Z}), read and written field by field instead of
 * through a {@code DateTimeFormatter}: Axon's parser of the column took an eighth of the table publisher's time per
 * event, {@code Instant.toString} for {@code ce_time} another twentieth (JFR, PublisherBenchmark), and every consumer
 * parsed {@code ce_time} with {@code Instant.parse}. Only exactly that shape ({@code yyyy-MM-ddTHH:mm:ss}, an optional
 * fraction of 1-9 digits, {@code Z}) is read here; anything else (another offset, a malformed value) goes to the
 * parser the caller would have used, so the result is always that parser's.
 */
public final class IsoInstants {

    /** 10000-01-01T00:00:00Z: from there on an instant has a year of five digits. */
    private static final long FIRST_SECOND_OF_10000 = 253_402_300_800L;

    private IsoInstants() {}

    /** The event table's {@code timestamp} column, as Axon's engine reads it. */
    static Instant stored(String value) {
        Instant fast = utc(value);
        return fast != null ? fast : DateTimeUtils.parseInstant(value);
    }

    /** {@code value} as {@link Instant#parse} reads it (and refuses it). */
    public static Instant parse(String value) {
        Instant fast = utc(value);
        return fast != null ? fast : Instant.parse(value);
    }

    /**
     * {@code instant} as {@link Instant#toString} writes it: the fraction, if any, in groups of three digits (for the
     * years 1970 to 9999; other instants are left to {@code toString}).
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= FIRST_SECOND_OF_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int second = (int) (seconds % 86_400);
        int nanos = instant.getNano();
        StringBuilder out = new StringBuilder(30);
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2).append('T');
        pad(out, second / 3600, 2).append(':');
        pad(out, second / 60 % 60, 2).append(':');
        pad(out, second % 60, 2);
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(out, nanos / 1_000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other text. */
    public static Instant utc(String s) {
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
    static int digits(String s, int from, int to) {
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
