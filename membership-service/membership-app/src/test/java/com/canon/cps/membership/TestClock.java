package com.canon.cps.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The business clock of the service under test: real time plus an offset that tests move forward, as
 * {@code POST /dev/clock} does locally. Deadlines (renewal orders, term ends) then come due.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves business time forward; it never goes back, so other tests sharing the context are not confused. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    /** Replaces the platform's system clock (which is declared only when no other clock exists). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
