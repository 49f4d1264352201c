package com.canon.cps.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientCallsTest {

    static final class Transient extends RuntimeException {
        Transient(String message) {
            super(message);
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ResilientCalls> built = new ArrayList<>();

    @AfterEach
    void closeTheCallThreads() {
        built.forEach(ResilientCalls::close);
    }

    private ResilientCalls calls(Duration timeout, int maxAttempts, int minimumCalls) {
        ResilientCalls calls = ResilientCalls.named("party")
                .policy(new ResiliencePolicy(
                        timeout,
                        maxAttempts,
                        Duration.ofMillis(1),
                        new CircuitBreakerPolicy(50, minimumCalls, minimumCalls, Duration.ofMinutes(1)),
                        new BulkheadPolicy(10, Duration.ZERO)))
                .retryOn(e -> e instanceof Transient)
                .ignore(e -> e instanceof IllegalArgumentException)
                .attemptFaults(new ResilientCalls.AttemptFaults() {
                    @Override
                    public RuntimeException timedOut(Exception cause) {
                        return new Transient("timeout");
                    }

                    @Override
                    public RuntimeException failed(Exception cause) {
                        return cause instanceof RuntimeException r ? r : new Transient("technical");
                    }
                })
                .build(meters);
        built.add(calls);
        return calls;
    }

    @Test
    void transientFaults_areRetried_untilAnAnswer() {
        AtomicInteger attempts = new AtomicInteger();
        ResilientCalls c = calls(Duration.ofSeconds(2), 3, 10);

        String answer = c.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new Transient("down");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anAttemptPastTheTimeLimit_isATimeout_onTheCallThread() {
        ResilientCalls c = calls(Duration.ofMillis(50), 1, 10);

        assertThatThrownBy(() -> c.call(() -> {
                    sleep(2_000);
                    return "late";
                }))
                .isInstanceOf(Transient.class)
                .hasMessage("timeout");
    }

    @Test
    void otherFaults_areNeitherRetried_norFailuresOfTheParty() {
        AtomicInteger attempts = new AtomicInteger();
        ResilientCalls c = calls(Duration.ofSeconds(2), 3, 2);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> c.call(() -> {
                        attempts.incrementAndGet();
                        throw new IllegalArgumentException("our question");
                    }))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(attempts).hasValue(4);
        assertThat(c.circuitState("party")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void failures_openTheNamedBreaker_only() {
        ResilientCalls c = calls(Duration.ofSeconds(2), 1, 2);
        ResilientCalls.Instances de = new ResilientCalls.Instances("VIES", "VIES-DE", "VIES");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> c.call(de, () -> {
                        throw new Transient("down");
                    }))
                    .isInstanceOf(Transient.class);
        }

        assertThatThrownBy(() -> c.call(de, () -> "ok")).isInstanceOf(CallNotPermittedException.class);
        assertThat(c.call(new ResilientCalls.Instances("VIES", "VIES-FR", "VIES"), () -> "ok"))
                .isEqualTo("ok");
    }

    @Test
    void theFourResilience4jMeters_areBound() {
        ResilientCalls c = calls(Duration.ofSeconds(2), 1, 10);

        c.call(() -> "ok");

        assertThat(meters.find("resilience4j.circuitbreaker.calls")
                        .tag("name", "party")
                        .meters())
                .isNotEmpty();
        assertThat(meters.find("resilience4j.retry.calls").tag("name", "party").meters())
                .isNotEmpty();
        assertThat(meters.find("resilience4j.bulkhead.available.concurrent.calls")
                        .tag("name", "party")
                        .meters())
                .isNotEmpty();
        assertThat(meters.find("resilience4j.timelimiter.calls")
                        .tag("name", "party")
                        .meters())
                .isNotEmpty();
    }

    @Test
    void aPolicy_refusesWhatResilience4jWouldRefuse() {
        assertThatThrownBy(() -> new CircuitBreakerPolicy(0, 10, 5, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BulkheadPolicy(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResiliencePolicy(
                        Duration.ZERO,
                        3,
                        Duration.ofMillis(200),
                        new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
                        new BulkheadPolicy(10, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ResiliencePolicy(
                                Duration.ofSeconds(1),
                                0,
                                Duration.ofMillis(200),
                                new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
                                new BulkheadPolicy(10, Duration.ZERO))
                        .maxAttempts())
                .isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
