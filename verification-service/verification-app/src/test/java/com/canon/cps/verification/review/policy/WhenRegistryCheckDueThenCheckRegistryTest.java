package com.canon.cps.verification.review.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.verification.config.RegistrySettings;
import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.review.domain.RecordRegistryConfirmation;
import com.canon.cps.verification.review.domain.RecordRegistryRefusal;
import com.canon.cps.verification.review.domain.RecordRegistryUnavailable;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhenRegistryCheckDueThenCheckRegistryTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final RegistrySettings SETTINGS = new RegistrySettings(
            Duration.ofSeconds(5),
            3,
            Duration.ofMillis(200),
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
            new BulkheadPolicy(10, Duration.ZERO),
            new RegistrySettings.SimulatorSettings(Duration.ZERO, false));
    private static final VerificationDeadlines.RegistryCheckDue THIRD_CHECK =
            new VerificationDeadlines.RegistryCheckDue("case-1", "GB980780684", 3);

    @Test
    void valid_recordsTheConfirmationWithItsConsultationNumber() {
        assertThat(WhenRegistryCheckDueThenCheckRegistry.record(
                        THIRD_CHECK,
                        new RegistryAnswer.Valid(Registry.HMRC, "GB980780684", "Ab1-cD2-eF3", AT),
                        SETTINGS))
                .isEqualTo(new RecordRegistryConfirmation("case-1", "HMRC", "Ab1-cD2-eF3", AT));
    }

    @Test
    void invalid_recordsTheRefusal() {
        assertThat(WhenRegistryCheckDueThenCheckRegistry.record(
                        THIRD_CHECK, new RegistryAnswer.Invalid(Registry.HMRC, "GB980780684", AT), SETTINGS))
                .isEqualTo(new RecordRegistryRefusal("case-1", "HMRC", AT));
    }

    @Test
    void transientFault_recordsUnavailable_withTheNextCheckAfterTheBackOff() {
        assertThat(WhenRegistryCheckDueThenCheckRegistry.record(
                        THIRD_CHECK,
                        new RegistryAnswer.Unavailable(Registry.HMRC, "GB980780684", RegistryFault.TIMEOUT, AT),
                        SETTINGS))
                .isEqualTo(new RecordRegistryUnavailable(
                        "case-1", "HMRC", "TIMEOUT", 3, AT, AT.plus(Duration.ofMinutes(4))));
    }

    @Test
    void permanentFault_recordsUnavailable_withoutFurtherChecks() {
        assertThat(WhenRegistryCheckDueThenCheckRegistry.record(
                        THIRD_CHECK,
                        new RegistryAnswer.Unavailable(Registry.HMRC, "GB980780684", RegistryFault.VAT_BLOCKED, AT),
                        SETTINGS))
                .isEqualTo(new RecordRegistryUnavailable("case-1", "HMRC", "VAT_BLOCKED", 3, AT, null));
    }
}
