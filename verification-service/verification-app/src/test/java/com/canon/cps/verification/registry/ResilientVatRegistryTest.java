package com.canon.cps.verification.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.verification.config.RegistrySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Time limit, retry, circuit breaker and bulkhead around the registry port; faults always become answers. */
class ResilientVatRegistryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SimulatedVatRegistry simulator = new SimulatedVatRegistry(CLOCK, Duration.ZERO, false);
    private final AtomicInteger calls = new AtomicInteger();
    private ResilientVatRegistry registry;

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    private ResilientVatRegistry resilient(VatRegistry adapter, RegistrySettings settings) {
        Map<Registry, VatRegistry> adapters = new EnumMap<>(Registry.class);
        VatRegistry counting = vatId -> {
            calls.incrementAndGet();
            return adapter.check(vatId);
        };
        for (Registry r : Registry.values()) {
            adapters.put(r, counting);
        }
        registry = new ResilientVatRegistry(adapters, settings, CLOCK, meters);
        return registry;
    }

    private static RegistrySettings settings(
            Duration timeout, int maxAttempts, int minimumCalls, Duration waitInOpen, int maxConcurrentCalls) {
        return new RegistrySettings(
                timeout,
                maxAttempts,
                Duration.ofMillis(1),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                new CircuitBreakerPolicy(50, minimumCalls, minimumCalls, waitInOpen),
                new BulkheadPolicy(maxConcurrentCalls, Duration.ZERO),
                new RegistrySettings.SimulatorSettings(Duration.ZERO, false));
    }

    private static RegistrySettings defaults() {
        return settings(Duration.ofSeconds(2), 3, 10, Duration.ofSeconds(30), 10);
    }

    private static RegistryFault fault(RegistryAnswer answer) {
        assertThat(answer).isInstanceOf(RegistryAnswer.Unavailable.class);
        return ((RegistryAnswer.Unavailable) answer).fault();
    }

    @Test
    void answers_passThrough() {
        ResilientVatRegistry r = resilient(simulator, defaults());

        assertThat(r.check("DE100")).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(r.check("DE200")).isEqualTo(new RegistryAnswer.Invalid(Registry.VIES, "DE200", NOW));
        assertThat(calls).hasValue(2);
        assertThat(meters.get("cps.verification.registry.checks")
                        .tag("registry", "VIES")
                        .tag("outcome", "VALID")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void transientFault_isRetried_thenReportedUnavailable_neverThrown() {
        ResilientVatRegistry r = resilient(simulator, defaults());

        RegistryAnswer answer = r.check("DE301");

        assertThat(fault(answer)).isEqualTo(RegistryFault.MS_UNAVAILABLE);
        assertThat(answer.registry()).isEqualTo(Registry.VIES);
        assertThat(answer.checkedAt()).isEqualTo(NOW);
        assertThat(calls).as("max attempts").hasValue(3);
    }

    @Test
    void permanentFault_isNotRetried() {
        ResilientVatRegistry r = resilient(simulator, defaults());

        assertThat(fault(r.check("DE201"))).isEqualTo(RegistryFault.INVALID_INPUT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void repeatedFaults_openTheCircuitOfThatRegistryAndCountry_only() {
        ResilientVatRegistry r = resilient(simulator, settings(Duration.ofSeconds(2), 1, 4, Duration.ofMinutes(1), 10));
        for (int i = 0; i < 4; i++) {
            assertThat(fault(r.check("DE300"))).isEqualTo(RegistryFault.SERVICE_UNAVAILABLE);
        }
        assertThat(r.circuitState("DE136695976")).isEqualTo(CircuitBreaker.State.OPEN);

        int before = calls.get();
        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.CIRCUIT_OPEN);
        assertThat(calls).as("an open circuit does not even ask").hasValue(before);
        assertThat(r.check("FR40303265045"))
                .as("other countries are still asked")
                .isInstanceOf(RegistryAnswer.Valid.class);
    }

    @Test
    void permanentFaults_doNotOpenTheCircuit() {
        ResilientVatRegistry r = resilient(simulator, settings(Duration.ofSeconds(2), 1, 4, Duration.ofMinutes(1), 10));
        for (int i = 0; i < 6; i++) {
            r.check("DE201");
        }
        assertThat(r.circuitState("DE100")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterAnOutage_theCircuitLetsCallsThroughAgain() {
        ResilientVatRegistry r = resilient(simulator, settings(Duration.ofSeconds(2), 1, 2, Duration.ofMillis(50), 10));
        simulator.outage(true);
        r.check("IE6388047V");
        r.check("IE6388047V");
        assertThat(fault(r.check("IE6388047V"))).isEqualTo(RegistryFault.CIRCUIT_OPEN);

        simulator.outage(false);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> r.check("IE6388047V") instanceof RegistryAnswer.Valid);
        assertThat(r.circuitState("IE6388047V")).isNotEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void slowRegistry_isCutOffByTheTimeLimit() {
        simulator.latency(Duration.ofSeconds(5));
        ResilientVatRegistry r =
                resilient(simulator, settings(Duration.ofMillis(100), 2, 10, Duration.ofMinutes(1), 10));
        long start = System.nanoTime();

        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(calls).as("a timeout is transient: retried").hasValue(2);
    }

    @Test
    void tooManyConcurrentChecks_areRefusedByTheBulkhead() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VatRegistry blocking = vatId -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return simulator.check(vatId);
        };
        ResilientVatRegistry r = resilient(blocking, settings(Duration.ofSeconds(5), 1, 10, Duration.ofMinutes(1), 1));
        CompletableFuture<RegistryAnswer> first = CompletableFuture.supplyAsync(() -> r.check("DE136695976"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.BULKHEAD_FULL);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(RegistryAnswer.Valid.class);
    }

    @Test
    void vatIdWithoutARegistry_isUnavailableAsInvalidInput() {
        ResilientVatRegistry r = resilient(simulator, defaults());

        RegistryAnswer answer = r.check("US123");

        assertThat(fault(answer)).isEqualTo(RegistryFault.INVALID_INPUT);
        assertThat(answer.registry()).isNull();
        assertThat(calls).hasValue(0);
    }

    @Test
    void recheckDelay_doublesUpToTheMaximum() {
        RegistrySettings s = new RegistrySettings(
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(200),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
                new BulkheadPolicy(10, Duration.ZERO),
                new RegistrySettings.SimulatorSettings(Duration.ZERO, false));

        assertThat(s.recheckDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.recheckDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.recheckDelay(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(s.recheckDelay(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.recheckDelay(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.recheckDelay(50)).isEqualTo(Duration.ofMinutes(10));
    }
}
