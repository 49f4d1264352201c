package com.canon.cps.product;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The business clock of the test context: real time plus an offset a test can move forward (and must reset), so that
 * expiries can be tested without waiting. Tokens and timestamps outside the business (JWTs, Kafka) keep real time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

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
        throw new UnsupportedOperationException("the business clock is UTC");
    }

    /** Replaces the platform's system clock (which backs off when a {@code Clock} bean exists). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestClock businessClock() {
            return new TestClock();
        }
    }
}
