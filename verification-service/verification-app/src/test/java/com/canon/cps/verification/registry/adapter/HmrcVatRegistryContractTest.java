package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HMRC adapter against the documented exchanges of "Check a UK VAT number" v2.0: the client-credentials token
 * (asked for once, kept until shortly before it expires, renewed once when HMRC says 401), the lookup with our
 * requester VRN and its consultation number, not found as invalid, and every documented error as unknown.
 */
class HmrcVatRegistryContractTest extends RegistryContractTest {

    private final RecordedExchanges hmrc = party;
    private final MovableClock wallClock = new MovableClock(NOW);

    /** Real time for the token's expiry, moved by the test. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private HmrcVatRegistry registry(String requesterVrn) {
        return new HmrcVatRegistry(
                http, hmrc.url(""), "test-client-id", "test-client-secret", requesterVrn, CLOCK, wallClock);
    }

    @Test
    void valid_withOurRequesterVrn_carriesTheConsultationNumberAndProcessingDate() {
        hmrc.replay("hmrc/token.json").replay("hmrc/valid-with-reference.json");

        RegistryAnswer answer = registry("GB146295999727").check("GB553557881");

        assertThat(answer)
                .isEqualTo(new RegistryAnswer.Valid(
                        Registry.HMRC, "GB553557881", "ypAeKRPlW", Instant.parse("2019-01-31T12:53:05Z")));
        hmrc.assertAllReplayed();
    }

    @Test
    void valid_withoutARequester_isTheSimpleCheck_withoutAReference() {
        hmrc.replay("hmrc/token.json").replay("hmrc/valid-without-reference.json");

        RegistryAnswer answer = registry(null).check("GB553557881");

        assertThat(answer).isInstanceOf(RegistryAnswer.Valid.class);
        assertThat(((RegistryAnswer.Valid) answer).consultationNumber()).isNull();
        hmrc.assertAllReplayed();
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpires_thenAskedForAgain() {
        HmrcVatRegistry registry = registry("146295999727");
        hmrc.replay("hmrc/token.json")
                .replay("hmrc/faults.json", "VALID")
                .replay("hmrc/faults.json", "VALID")
                .replay("hmrc/faults.json", "SECOND_TOKEN")
                .replay("hmrc/faults.json", "VALID_WITH_SECOND_TOKEN");

        registry.check("GB553557881");
        wallClock.advance(Duration.ofHours(3));
        registry.check("GB553557881");
        wallClock.advance(Duration.ofMinutes(59)); // 4 h - 1 min: within the last minute of the token
        registry.check("GB553557881");

        hmrc.assertAllReplayed();
    }

    @Test
    void a401_getsOneFreshToken_andTheCheckGoesOn() {
        hmrc.replay("hmrc/token.json")
                .replay("hmrc/faults.json", "INVALID_CREDENTIALS")
                .replay("hmrc/faults.json", "SECOND_TOKEN")
                .replay("hmrc/faults.json", "VALID_WITH_SECOND_TOKEN");

        assertThat(registry("146295999727").check("GB553557881")).isInstanceOf(RegistryAnswer.Valid.class);
        hmrc.assertAllReplayed();
    }

    @Test
    void notFound_isInvalid() {
        hmrc.replay("hmrc/token.json").replay("hmrc/faults.json", "NOT_FOUND");

        assertThat(registry("146295999727").check("GB553557881"))
                .isEqualTo(new RegistryAnswer.Invalid(Registry.HMRC, "GB553557881", NOW));
        hmrc.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID_REQUEST, INVALID_INPUT",
        "REQUESTER_NOT_REGISTERED, INVALID_REQUESTER_INFO",
        "INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE",
        "MESSAGE_THROTTLED_OUT, RATE_LIMITED",
        "SCHEDULED_MAINTENANCE, SERVICE_UNAVAILABLE",
        "GATEWAY_TIMEOUT, TIMEOUT",
        "NOT_FOUND_WITHOUT_CODE, TECHNICAL_ERROR",
        "MALFORMED_200, TECHNICAL_ERROR",
        "HTML_200, TECHNICAL_ERROR"
    })
    void everyDocumentedError_andEveryMalformedAnswer_isUnknown(String exchange, RegistryFault expected) {
        hmrc.replay("hmrc/token.json").replay("hmrc/faults.json", exchange);

        assertThat(fault(registry("146295999727"), "GB553557881")).isEqualTo(expected);
        hmrc.assertAllReplayed();
    }

    @Test
    void a401_againWithTheFreshToken_isATechnicalError() {
        hmrc.replay("hmrc/token.json")
                .replay("hmrc/faults.json", "INVALID_CREDENTIALS")
                .replay("hmrc/faults.json", "SECOND_TOKEN");
        hmrc.replayForever("hmrc/faults.json", "INVALID_CREDENTIALS");

        assertThat(fault(registry("146295999727"), "GB553557881")).isEqualTo(RegistryFault.TECHNICAL_ERROR);
        assertThat(hmrc.received()).hasSize(4);
    }

    @Test
    void refusedCredentials_orAThrottledTokenEndpoint_areUnknown() {
        hmrc.replay("hmrc/faults.json", "TOKEN_REFUSED").replay("hmrc/faults.json", "TOKEN_THROTTLED");

        assertThat(fault(registry("146295999727"), "GB553557881")).isEqualTo(RegistryFault.TECHNICAL_ERROR);
        assertThat(fault(registry("146295999727"), "GB553557881")).isEqualTo(RegistryFault.RATE_LIMITED);
        hmrc.assertAllReplayed();
    }

    @Test
    void noAnswerInTime_isATimeout() {
        hmrc.replay("hmrc/token.json").replay("hmrc/faults.json", "SLOW");

        assertThat(fault(registry("146295999727"), "GB553557881")).isEqualTo(RegistryFault.TIMEOUT);
    }

    @Test
    void governmentDepartments_areNotInTheApi_soNothingIsAsked() {
        assertThat(fault(registry("146295999727"), "GBGD001")).isEqualTo(RegistryFault.INVALID_INPUT);
        assertThat(hmrc.received()).isEmpty();
    }

    @Test
    void missingCredentials_orARequesterThatIsNoVrn_stopTheStart() {
        assertThatThrownBy(() ->
                        new HmrcVatRegistry(http, hmrc.url(""), "id", " ", null, Clock.systemUTC(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HmrcVatRegistry(
                        http, hmrc.url(""), "id", "secret", "GB12", Clock.systemUTC(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
