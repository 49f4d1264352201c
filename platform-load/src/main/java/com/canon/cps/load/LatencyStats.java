package com.canon.cps.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one step (or of whole journeys), recorded in microseconds into an HdrHistogram with 3 significant
 * digits (a percentile is exact to 0.1 %) up to one hour; thread-safe.
 */
final class LatencyStats {

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    /** Records one latency; values over an hour are recorded as an hour. */
    synchronized void record(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    synchronized Summary summary() {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0, 0, 0);
        }
        return new Summary(
                count,
                millis(histogram.getMinValue()),
                histogram.getMean() / 1000.0,
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(90)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    /** Adds this one's recordings to {@code other}. */
    synchronized void copyInto(LatencyStats other) {
        synchronized (other) {
            other.histogram.add(histogram);
        }
    }

    /** The percentile in milliseconds (0 when empty). */
    synchronized double percentile(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : millis(histogram.getValueAtPercentile(percentile));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Latencies in milliseconds. */
    record Summary(long count, double minMs, double meanMs, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}
}
