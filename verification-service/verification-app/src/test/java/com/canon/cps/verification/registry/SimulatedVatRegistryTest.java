package com.canon.cps.verification.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator answers like the VIES test service ({@code checkVatTestService}) for its documented numbers. */
class SimulatedVatRegistryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final SimulatedVatRegistry registry =
            new SimulatedVatRegistry(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO, false);

    @Test
    void testNumber100_isValid_withAConsultationNumberAndDate() {
        RegistryAnswer answer = registry.check("DE100");

        assertThat(answer).isInstanceOf(RegistryAnswer.Valid.class);
        RegistryAnswer.Valid valid = (RegistryAnswer.Valid) answer;
        assertThat(valid.registry()).isEqualTo(Registry.VIES);
        assertThat(valid.vatId()).isEqualTo("DE100");
        assertThat(valid.consultationNumber()).matches("WAPI[A-Z0-9]{12}");
        assertThat(valid.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void testNumber200_isInvalid() {
        assertThat(registry.check("FR200")).isEqualTo(new RegistryAnswer.Invalid(Registry.VIES, "FR200", NOW));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AT201, INVALID_INPUT",
        "BE202, INVALID_REQUESTER_INFO",
        "DE300, SERVICE_UNAVAILABLE",
        "DE301, MS_UNAVAILABLE",
        "EL302, TIMEOUT",
        "ES400, VAT_BLOCKED",
        "FI401, IP_BLOCKED",
        "IT500, GLOBAL_MAX_CONCURRENT_REQ",
        "NL501, GLOBAL_MAX_CONCURRENT_REQ_TIME",
        "PL600, MS_MAX_CONCURRENT_REQ",
        "XI601, MS_MAX_CONCURRENT_REQ_TIME",
        "GB301, MS_UNAVAILABLE",
        "CHE300, SERVICE_UNAVAILABLE",
        "NO302, TIMEOUT"
    })
    void testNumbers_answerWithTheirDocumentedFault(String vatId, RegistryFault fault) {
        assertThatThrownBy(() -> registry.check(vatId))
                .isInstanceOfSatisfying(
                        RegistryFaultException.class, e -> assertThat(e.fault()).isEqualTo(fault));
    }

    @Test
    void faultsTheServiceMayRecoverFrom_areTransient_theOthersPermanent() {
        assertThat(RegistryFault.SERVICE_UNAVAILABLE.isTransient()).isTrue();
        assertThat(RegistryFault.MS_UNAVAILABLE.isTransient()).isTrue();
        assertThat(RegistryFault.TIMEOUT.isTransient()).isTrue();
        assertThat(RegistryFault.MS_MAX_CONCURRENT_REQ.isTransient()).isTrue();
        assertThat(RegistryFault.GLOBAL_MAX_CONCURRENT_REQ_TIME.isTransient()).isTrue();
        assertThat(RegistryFault.INVALID_INPUT.isTransient()).isFalse();
        assertThat(RegistryFault.INVALID_REQUESTER_INFO.isTransient()).isFalse();
        assertThat(RegistryFault.VAT_BLOCKED.isTransient()).isFalse();
        assertThat(RegistryFault.IP_BLOCKED.isTransient()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "GB980780684, HMRC, '[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}'",
        "XI980780684, VIES, 'WAPI[A-Z0-9]{12}'",
        "DE136695976, VIES, 'WAPI[A-Z0-9]{12}'",
        "EL094259216, VIES, 'WAPI[A-Z0-9]{12}'",
        "CHE116281710, UID, 'UID-[A-Z0-9]{10}'",
        "NO923609016, BRREG, 'BRREG-[A-Z0-9]{10}'"
    })
    void realLookingNumbers_areValid_andRoutedToTheirCountrysRegistry(
            String vatId, Registry expected, String consultationNumber) {
        RegistryAnswer answer = registry.check(vatId);

        assertThat(answer.registry()).isEqualTo(expected);
        assertThat(answer)
                .isInstanceOfSatisfying(
                        RegistryAnswer.Valid.class,
                        v -> assertThat(v.consultationNumber()).matches(consultationNumber));
    }

    @Test
    void prefixWithoutARegistry_isInvalidInput() {
        assertThat(Registry.forVatId("US123456789")).isEmpty();
        assertThat(Registry.forVatId("GR094259216")).as("VIES only knows EL").isEmpty();
        assertThatThrownBy(() -> registry.check("US123456789"))
                .isInstanceOfSatisfying(
                        RegistryFaultException.class,
                        e -> assertThat(e.fault()).isEqualTo(RegistryFault.INVALID_INPUT));
    }

    @Test
    void outage_failsEveryCall_untilItEnds() {
        registry.outage(true);
        assertThatThrownBy(() -> registry.check("DE136695976"))
                .isInstanceOfSatisfying(
                        RegistryFaultException.class,
                        e -> assertThat(e.fault()).isEqualTo(RegistryFault.SERVICE_UNAVAILABLE));

        registry.outage(false);
        assertThat(registry.check("DE136695976")).isInstanceOf(RegistryAnswer.Valid.class);
    }

    @Test
    void latency_delaysEachAnswer() {
        registry.latency(Duration.ofMillis(60));
        long start = System.nanoTime();

        registry.check("DE136695976");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void failureRate_answersServiceUnavailable_forThatShareOfCalls() {
        SimulatedVatRegistry failing =
                new SimulatedVatRegistry(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO, false, 1.0, 0, Duration.ZERO);

        assertThatThrownBy(() -> failing.check("GB980780684"))
                .isInstanceOfSatisfying(
                        RegistryFaultException.class,
                        e -> assertThat(e.fault()).isEqualTo(RegistryFault.SERVICE_UNAVAILABLE));
    }

    @Test
    void timeoutRate_hangsThenTimesOut() {
        SimulatedVatRegistry hanging = new SimulatedVatRegistry(
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO, false, 0, 1.0, Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThatThrownBy(() -> hanging.check("GB980780684"))
                .isInstanceOfSatisfying(
                        RegistryFaultException.class, e -> assertThat(e.fault()).isEqualTo(RegistryFault.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void noRates_noInjectedFaults() {
        for (int i = 0; i < 50; i++) {
            assertThat(registry.check("GB980780684")).isInstanceOf(RegistryAnswer.Valid.class);
        }
    }
}
