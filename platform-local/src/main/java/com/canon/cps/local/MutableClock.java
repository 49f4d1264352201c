package com.canon.cps.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business clock of local mode: real time plus an offset that {@code POST /dev/clock} moves forward, shared by
 * all seven services so deadlines, due dates, renewals and expiries can be seen without waiting. It only ever moves
 * forward.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MutableClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = new AtomicReference<>(offset);
    }

    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the business clock only moves forward");
        }
        return offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the business clock is UTC");
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
