package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UID register adapter against the public web service's documented SOAP exchanges: the {@code ValidateVatNumber}
 * envelope and SOAPAction it sends, true and false, the service's faults (request limit, invalid input,
 * infrastructure, security) and malformed answers.
 */
class SwissUidRegistryContractTest extends RegistryContractTest {

    private final RecordedExchanges uid = party;
    private final SwissUidRegistry registry = new SwissUidRegistry(http, uid.url("/V5.0/PublicServices.svc"), CLOCK);

    @Test
    void registeredForVat_isValid_withoutAConsultationNumber() {
        uid.replay("uid/validate-vat-number.json", "VALID");

        assertThat(registry.check("CHE116281710"))
                .isEqualTo(new RegistryAnswer.Valid(Registry.UID, "CHE116281710", null, NOW));
        uid.assertAllReplayed();
    }

    @Test
    void notRegisteredForVat_isInvalid() {
        uid.replay("uid/validate-vat-number.json", "INVALID");

        assertThat(registry.check("CHE116281710"))
                .isEqualTo(new RegistryAnswer.Invalid(Registry.UID, "CHE116281710", NOW));
        uid.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "REQUEST_LIMIT_EXCEEDED, RATE_LIMITED",
        "DATA_VALIDATION_FAILED, INVALID_INPUT",
        "INFRASTRUCTURE_FAULT, SERVICE_UNAVAILABLE",
        "SECURITY_FAULT, TECHNICAL_ERROR",
        "UNAVAILABLE_503, SERVICE_UNAVAILABLE",
        "RATE_LIMITED_429, RATE_LIMITED",
        "MALFORMED, TECHNICAL_ERROR",
        "NOT_XML, TECHNICAL_ERROR"
    })
    void faultsAndMalformedAnswers_areUnknown(String exchange, RegistryFault expected) {
        uid.replay("uid/validate-vat-number.json", exchange);

        assertThat(fault(registry, "CHE116281710")).isEqualTo(expected);
        uid.assertAllReplayed();
    }

    @Test
    void noAnswerInTime_isATimeout() {
        uid.replay("uid/validate-vat-number.json", "SLOW");

        assertThat(fault(registry, "CHE116281710")).isEqualTo(RegistryFault.TIMEOUT);
    }

    @Test
    void anAnswerWithADocumentType_isRefused_notFollowed() {
        String hostile =
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + "<x>&e;</x>";
        assertThat(SoapXml.parse(hostile)).isEmpty();
    }
}
