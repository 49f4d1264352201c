package com.canon.cps.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --separate}: the option, and the settings each service JVM gets in {@code SPRING_APPLICATION_JSON}. */
class SeparateModeTest {

    @Test
    void separateIsOffUnlessAsked() {
        assertThat(LocalOptions.parse(List.of()).separate()).isFalse();
        assertThat(LocalOptions.parse(List.of("--separate", "--port-offset", "5"))
                        .separate())
                .isTrue();
    }

    @Test
    void everyArgumentBecomesOneSetting_valuesKeepTheirEqualsSigns() {
        assertThat(ServiceProcess.settings(List.of(
                        "--server.port=8081",
                        "--cps.jwt.public-key=-----BEGIN PUBLIC KEY-----\nMIIB==\n-----END PUBLIC KEY-----",
                        "--cps.account.operators[0].email=operator@cps.local")))
                .containsEntry("server.port", "8081")
                .containsEntry("cps.jwt.public-key", "-----BEGIN PUBLIC KEY-----\nMIIB==\n-----END PUBLIC KEY-----")
                .containsEntry("cps.account.operators[0].email", "operator@cps.local")
                .hasSize(3);
    }

    @Test
    void anArgumentThatIsNoSettingIsRefused() {
        assertThatThrownBy(() -> ServiceProcess.settings(List.of("--verbose")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
