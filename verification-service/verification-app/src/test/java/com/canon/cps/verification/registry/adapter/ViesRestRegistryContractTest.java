package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VIES REST adapter against VIES's documented exchanges: the request it sends (with our requester VAT ID), valid
 * with its consultation number, invalid, every documented fault code as <em>unknown</em> (never invalid), and what a
 * proxy or an overloaded front end answers.
 */
class ViesRestRegistryContractTest extends RegistryContractTest {

    private final RecordedExchanges vies = party;
    private final ViesRestRegistry registry = new ViesRestRegistry(http, vies.url(""), "NL 0044.95445-B01", CLOCK);

    @Test
    void valid_withTheRequester_carriesTheConsultationNumberAndVIESsDate() {
        vies.replay("vies/valid-with-requester.json");

        RegistryAnswer answer = registry.check("DE136695976");

        assertThat(answer)
                .isEqualTo(new RegistryAnswer.Valid(
                        Registry.VIES, "DE136695976", "WAPIAAAAZ3hX2Lk_", Instant.parse("2026-03-02T09:00:01.183Z")));
        vies.assertAllReplayed();
    }

    @Test
    void valid_withoutARequester_hasNoConsultationNumber_andNorthernIrelandIsAskedAsXI() {
        ViesRestRegistry withoutRequester = new ViesRestRegistry(http, vies.url("/"), null, CLOCK);
        vies.replay("vies/valid-without-requester.json");

        RegistryAnswer answer = withoutRequester.check("XI980780684");

        assertThat(answer).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(((RegistryAnswer.Valid) answer).consultationNumber()).isNull();
        vies.assertAllReplayed();
    }

    @Test
    void invalid() {
        vies.replay("vies/invalid.json");

        assertThat(registry.check("FR40303265045"))
                .isEqualTo(new RegistryAnswer.Invalid(
                        Registry.VIES, "FR40303265045", Instant.parse("2026-03-02T09:00:01.183Z")));
        vies.assertAllReplayed();
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistryFault.class,
            names = {
                "INVALID_INPUT",
                "INVALID_REQUESTER_INFO",
                "SERVICE_UNAVAILABLE",
                "MS_UNAVAILABLE",
                "TIMEOUT",
                "VAT_BLOCKED",
                "IP_BLOCKED",
                "GLOBAL_MAX_CONCURRENT_REQ",
                "GLOBAL_MAX_CONCURRENT_REQ_TIME",
                "MS_MAX_CONCURRENT_REQ",
                "MS_MAX_CONCURRENT_REQ_TIME"
            })
    void everyDocumentedFault_isThatFault_neverAnAnswer(RegistryFault documented) {
        vies.replay("vies/faults.json", documented.name());

        assertThat(fault(registry, "DE136695976")).isEqualTo(documented);
        vies.assertAllReplayed();
    }

    @Test
    void faultsCarryTheirKind_transientOnesAreRetriedLater_theCallersInputIsNot() {
        assertThat(RegistryFault.MS_UNAVAILABLE.isTransient()).isTrue();
        assertThat(RegistryFault.MS_MAX_CONCURRENT_REQ.isTransient()).isTrue();
        assertThat(RegistryFault.TIMEOUT.isTransient()).isTrue();
        assertThat(RegistryFault.SERVICE_UNAVAILABLE.isTransient()).isTrue();
        assertThat(RegistryFault.INVALID_INPUT.isTransient()).isFalse();
        assertThat(RegistryFault.INVALID_REQUESTER_INFO.isTransient()).isFalse();
    }

    @Test
    void aFaultOnHttp200_orAsUserErrorNextToValidFalse_isUnknown_notInvalid() {
        vies.replay("vies/faults.json", "MS_UNAVAILABLE_ON_200");
        vies.replay("vies/faults.json", "USER_ERROR_MS_UNAVAILABLE");

        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.MS_UNAVAILABLE);
        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.MS_UNAVAILABLE);
        vies.assertAllReplayed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN_CODE", "MALFORMED_HTML_200", "MALFORMED_WITHOUT_VALID"})
    void anUnknownCode_orAMalformedAnswer_isATechnicalError(String exchange) {
        vies.replay("vies/faults.json", exchange);

        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.TECHNICAL_ERROR);
        vies.assertAllReplayed();
    }

    @Test
    void rateLimiting_andABadGatewayPage() {
        vies.replay("vies/faults.json", "RATE_LIMITED");
        vies.replay("vies/faults.json", "BAD_GATEWAY_PAGE");

        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.RATE_LIMITED);
        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.SERVICE_UNAVAILABLE);
        vies.assertAllReplayed();
    }

    @Test
    void noAnswerInTime_isATimeout() {
        vies.replay("vies/faults.json", "SLOW");
        long start = System.nanoTime();

        assertThat(fault(registry, "DE136695976")).isEqualTo(RegistryFault.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void nobodyListening_isATechnicalError() {
        vies.close();

        assertThat(fault(registry, "DE136695976")).isIn(RegistryFault.TECHNICAL_ERROR, RegistryFault.TIMEOUT);
    }

    @Test
    void aRequesterThatIsNoVatId_stopsTheStart() {
        assertThatThrownBy(() -> new ViesRestRegistry(http, vies.url(""), "NL", CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
