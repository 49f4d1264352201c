package com.canon.cps.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The business clock of a service's test context: real time plus an offset a test can move forward, so deadlines,
 * expiries and renewals can be tested without waiting. Import {@link Configuration} to replace the platform's system
 * clock (declared only when no other {@code Clock} bean exists). Tokens and Kafka timestamps keep real time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves business time forward. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Back to real time, for a test that moved the clock and shares its context with others. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    /** Declares the test clock as the context's {@code Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
