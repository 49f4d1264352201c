package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Brønnøysund adapter against Enhetsregisteret's documented exchanges: the VAT flag, a deleted entity, 404 and
 * 410 as invalid, errors and malformed answers as unknown.
 */
class BrregVatRegistryContractTest extends RegistryContractTest {

    private final RecordedExchanges brreg = party;
    private final BrregVatRegistry registry = new BrregVatRegistry(http, brreg.url("/enhetsregisteret/api"), CLOCK);

    @Test
    void registeredInTheVatRegister_isValid() {
        brreg.replay("brreg/enheter.json", "VAT_REGISTERED");

        assertThat(registry.check("NO923609016MVA"))
                .isEqualTo(new RegistryAnswer.Valid(Registry.BRREG, "NO923609016MVA", null, NOW));
        brreg.assertAllReplayed();
    }

    @Test
    void theNormalisedIdWithoutMva_isAskedTheSame() {
        brreg.replay("brreg/enheter.json", "VAT_REGISTERED");

        assertThat(registry.check("NO923609016")).isInstanceOf(RegistryAnswer.Valid.class);
        brreg.assertAllReplayed();
    }

    @Test
    void notInTheVatRegister_isInvalid() {
        brreg.replay("brreg/enheter.json", "NOT_VAT_REGISTERED");

        assertThat(registry.check("NO974760673MVA"))
                .isEqualTo(new RegistryAnswer.Invalid(Registry.BRREG, "NO974760673MVA", NOW));
        brreg.assertAllReplayed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETED", "NOT_FOUND", "REMOVED"})
    void deleted_unknown_orRemoved_isInvalid(String exchange) {
        brreg.replay("brreg/enheter.json", exchange);

        assertThat(registry.check("NO923609016MVA")).isInstanceOf(RegistryAnswer.Invalid.class);
        brreg.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "ERROR_400, INVALID_INPUT",
        "RATE_LIMITED, RATE_LIMITED",
        "UNAVAILABLE_503, SERVICE_UNAVAILABLE",
        "MALFORMED_WITHOUT_FLAG, TECHNICAL_ERROR",
        "MALFORMED_OTHER_ENTITY, TECHNICAL_ERROR",
        "MALFORMED_HTML, TECHNICAL_ERROR"
    })
    void errorsAndMalformedAnswers_areUnknown(String exchange, RegistryFault expected) {
        brreg.replay("brreg/enheter.json", exchange);

        assertThat(fault(registry, "NO923609016MVA")).isEqualTo(expected);
        brreg.assertAllReplayed();
    }

    @Test
    void noAnswerInTime_isATimeout() {
        brreg.replay("brreg/enheter.json", "SLOW");

        assertThat(fault(registry, "NO923609016MVA")).isEqualTo(RegistryFault.TIMEOUT);
    }
}
