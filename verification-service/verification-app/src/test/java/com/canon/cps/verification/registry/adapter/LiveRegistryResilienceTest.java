package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.config.RegistrySettings;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.ResilientVatRegistry;
import com.canon.cps.verification.registry.SimulatedVatRegistry;
import com.canon.cps.verification.registry.VatRegistry;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry, circuit breaker, bulkhead and time limit of {@link ResilientVatRegistry} around the <em>live</em> adapters
 * (VIES REST and HMRC against their recorded exchanges), not the simulator: what the registries' real faults do to a
 * check.
 */
class LiveRegistryResilienceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordedExchanges vies = RecordedExchanges.start();
    private final RecordedExchanges hmrc = RecordedExchanges.start();
    private ResilientVatRegistry registry;

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
        vies.close();
        hmrc.close();
    }

    private ResilientVatRegistry resilient(
            Duration timeout,
            Duration httpTimeout,
            int maxAttempts,
            int minimumCalls,
            Duration waitInOpen,
            int maxConcurrentCalls) {
        RegistrySettings settings = new RegistrySettings(
                timeout,
                maxAttempts,
                Duration.ofMillis(1),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                new CircuitBreakerPolicy(50, minimumCalls, minimumCalls, waitInOpen),
                new BulkheadPolicy(maxConcurrentCalls, Duration.ZERO),
                new RegistrySettings.SimulatorSettings(Duration.ZERO, false));
        RegistryHttp http = new RegistryHttp(Duration.ofSeconds(1), httpTimeout);
        Map<Registry, VatRegistry> adapters = new EnumMap<>(Registry.class);
        adapters.put(Registry.VIES, new ViesRestRegistry(http, vies.url(""), "NL004495445B01", CLOCK));
        adapters.put(
                Registry.HMRC,
                new HmrcVatRegistry(
                        http,
                        hmrc.url(""),
                        "test-client-id",
                        "test-client-secret",
                        "146295999727",
                        CLOCK,
                        Clock.systemUTC()));
        SimulatedVatRegistry simulator = new SimulatedVatRegistry(CLOCK, Duration.ZERO, false);
        adapters.put(Registry.UID, simulator);
        adapters.put(Registry.BRREG, simulator);
        registry = new ResilientVatRegistry(adapters, settings, CLOCK, new SimpleMeterRegistry());
        return registry;
    }

    private ResilientVatRegistry defaults() {
        return resilient(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 10, Duration.ofSeconds(30), 10);
    }

    private static RegistryFault fault(RegistryAnswer answer) {
        assertThat(answer).isInstanceOf(RegistryAnswer.Unavailable.class);
        return ((RegistryAnswer.Unavailable) answer).fault();
    }

    @Test
    void aMemberStateThatIsDownForAMoment_isAskedAgain_andTheAnswerComesThrough() {
        vies.replay("vies/faults.json", "MS_UNAVAILABLE")
                .replay("vies/faults.json", "MS_MAX_CONCURRENT_REQ")
                .replay("vies/faults.json", "VALID");

        RegistryAnswer answer = defaults().check("DE136695976");

        assertThat(answer).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(((RegistryAnswer.Valid) answer).consultationNumber()).isEqualTo("WAPIAAAAZ3hX2Lk_");
        vies.assertAllReplayed();
    }

    @Test
    void aFaultThatLasts_endsUnknown_neverInvalid() {
        vies.replayForever("vies/faults.json", "MS_UNAVAILABLE");

        RegistryAnswer answer = defaults().check("DE136695976");

        assertThat(fault(answer)).isEqualTo(RegistryFault.MS_UNAVAILABLE);
        assertThat(vies.received()).as("max attempts").hasSize(3);
    }

    @Test
    void theCallersInput_isNotAskedAgain() {
        vies.replayForever("vies/faults.json", "INVALID_INPUT");

        assertThat(fault(defaults().check("DE136695976"))).isEqualTo(RegistryFault.INVALID_INPUT);
        assertThat(vies.received()).hasSize(1);
    }

    @Test
    void rateLimitedByHmrc_isAskedAgain_withTheSameToken() {
        hmrc.replay("hmrc/token.json")
                .replay("hmrc/faults.json", "MESSAGE_THROTTLED_OUT")
                .replay("hmrc/faults.json", "VALID");

        RegistryAnswer answer = defaults().check("GB553557881");

        assertThat(answer).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(answer.registry()).isEqualTo(Registry.HMRC);
        hmrc.assertAllReplayed();
    }

    @Test
    void repeatedFaults_openTheCircuitOfThatMemberState_only() {
        ResilientVatRegistry r =
                resilient(Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 4, Duration.ofMinutes(1), 10);
        for (int i = 0; i < 4; i++) {
            vies.replay("vies/faults.json", "SERVICE_UNAVAILABLE");
        }
        vies.replay("vies/invalid.json");
        for (int i = 0; i < 4; i++) {
            assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.SERVICE_UNAVAILABLE);
        }
        assertThat(r.circuitState("DE136695976")).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.CIRCUIT_OPEN);
        assertThat(vies.received()).as("an open circuit does not even ask VIES").hasSize(4);
        assertThat(r.check("FR40303265045")).as("France is still asked").isInstanceOf(RegistryAnswer.Invalid.class);
        vies.assertAllReplayed();
    }

    @Test
    void afterTheOutage_theCircuitLetsChecksThroughAgain() {
        ResilientVatRegistry r =
                resilient(Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 2, Duration.ofMillis(100), 10);
        vies.replay("vies/faults.json", "BAD_GATEWAY_PAGE").replay("vies/faults.json", "BAD_GATEWAY_PAGE");
        r.check("DE136695976");
        r.check("DE136695976");
        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.CIRCUIT_OPEN);

        vies.replayForever("vies/faults.json", "VALID");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> r.check("DE136695976") instanceof RegistryAnswer.Valid);
        assertThat(r.circuitState("DE136695976")).isNotEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aRegistryThatDoesNotAnswer_isCutOffByTheTimeLimit_evenWhenTheHttpClientWouldWaitLonger() {
        ResilientVatRegistry r =
                resilient(Duration.ofMillis(200), Duration.ofSeconds(30), 2, 10, Duration.ofMinutes(1), 10);
        vies.replayForever("vies/faults.json", "SLOW");
        long start = System.nanoTime();

        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> vies.received().size() == 2);
    }

    @Test
    void tooManyChecksInFlight_areRefusedByTheBulkhead_withoutAskingVies() throws Exception {
        ResilientVatRegistry r =
                resilient(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 10, Duration.ofMinutes(1), 1);
        CountDownLatch release = new CountDownLatch(1);
        vies.holdAnswersUntil(release).replay("vies/faults.json", "VALID");
        CompletableFuture<RegistryAnswer> first = CompletableFuture.supplyAsync(() -> r.check("DE136695976"));
        await().atMost(Duration.ofSeconds(5)).until(() -> vies.received().size() == 1);

        assertThat(fault(r.check("DE136695976"))).isEqualTo(RegistryFault.BULKHEAD_FULL);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(vies.received()).hasSize(1);
    }
}
