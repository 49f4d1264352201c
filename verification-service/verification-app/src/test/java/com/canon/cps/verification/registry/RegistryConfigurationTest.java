package com.canon.cps.verification.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.verification.config.RegistrySettings;
import com.canon.cps.verification.registry.adapter.BrregVatRegistry;
import com.canon.cps.verification.registry.adapter.HmrcVatRegistry;
import com.canon.cps.verification.registry.adapter.SwissUidRegistry;
import com.canon.cps.verification.registry.adapter.ViesRestRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Each registry's adapter is chosen by configuration alone; a live adapter without its credentials stops the start. */
class RegistryConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RegistrySettings.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, RegistryConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("cps.simulators.enabled=true");

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, RegistryConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aRegistryOnTheSimulator_withoutTheSetting_stopsTheStart_namingTheSetting() {
        production.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("cps.simulators.enabled=true")
                .hasStackTraceContaining("cps.verification.registry.vies.adapter"));
        production
                .withPropertyValues(
                        "cps.verification.registry.vies.adapter=live",
                        "cps.verification.registry.hmrc.adapter=live",
                        "cps.verification.registry.hmrc.client-id=abc",
                        "cps.verification.registry.hmrc.client-secret=s3cret",
                        "cps.verification.registry.uid.adapter=live")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("cps.verification.registry.brreg.adapter=simulator"));
        production
                .withPropertyValues("cps.simulators.enabled=false")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theSimulator_startsWithTheSetting_andEveryLiveRegistry_startsWithoutIt() {
        production
                .withPropertyValues("cps.simulators.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResilientVatRegistry.class));
        production
                .withPropertyValues(
                        "cps.verification.registry.vies.adapter=live",
                        "cps.verification.registry.hmrc.adapter=live",
                        "cps.verification.registry.hmrc.client-id=abc",
                        "cps.verification.registry.hmrc.client-secret=s3cret",
                        "cps.verification.registry.uid.adapter=live",
                        "cps.verification.registry.brreg.adapter=live")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResilientVatRegistry.class));
    }

    private static Map<Registry, VatRegistry> adapters(RegistrySettings settings) {
        SimulatedVatRegistry simulator = new SimulatedVatRegistry(Clock.systemUTC(), java.time.Duration.ZERO, false);
        return RegistryConfiguration.adapters(simulator, settings, Clock.systemUTC(), Clock.systemUTC());
    }

    @Test
    void byDefault_everyRegistryIsTheSimulator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RegistrySettings settings = context.getBean(RegistrySettings.class);
            assertThat(adapters(settings).values()).allMatch(a -> a instanceof SimulatedVatRegistry);
            assertThat(settings.vies().baseUrl())
                    .isEqualTo(URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api"));
            assertThat(settings.hmrc().baseUrl()).isEqualTo(URI.create("https://api.service.hmrc.gov.uk"));
            assertThat(settings.uid().baseUrl())
                    .isEqualTo(URI.create("https://www.uid-wse.admin.ch/V5.0/PublicServices.svc"));
            assertThat(settings.brreg().baseUrl()).isEqualTo(URI.create("https://data.brreg.no/enhetsregisteret/api"));
        });
    }

    @Test
    void liveRegistries_areChosenByConfigurationAlone_andTheOthersStaySimulated(@TempDir Path secrets)
            throws Exception {
        Path secret = Files.writeString(secrets.resolve("hmrc_client_secret"), "s3cret\n");
        runner.withPropertyValues(
                        "cps.verification.registry.vies.adapter=live",
                        "cps.verification.registry.vies.requester-vat-id=NL004495445B01",
                        "cps.verification.registry.hmrc.adapter=live",
                        "cps.verification.registry.hmrc.base-url=https://test-api.service.hmrc.gov.uk",
                        "cps.verification.registry.hmrc.client-id=abc",
                        "cps.verification.registry.hmrc.client-secret-file=" + secret,
                        "cps.verification.registry.uid.adapter=live")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<Registry, VatRegistry> adapters = adapters(context.getBean(RegistrySettings.class));
                    assertThat(adapters.get(Registry.VIES)).isInstanceOf(ViesRestRegistry.class);
                    assertThat(adapters.get(Registry.HMRC)).isInstanceOf(HmrcVatRegistry.class);
                    assertThat(adapters.get(Registry.UID)).isInstanceOf(SwissUidRegistry.class);
                    assertThat(adapters.get(Registry.BRREG)).isInstanceOf(SimulatedVatRegistry.class);
                    assertThat(context.getBean(VatRegistry.class)).isInstanceOf(ResilientVatRegistry.class);
                });
        runner.withPropertyValues("cps.verification.registry.brreg.adapter=live")
                .run(context -> assertThat(adapters(context.getBean(RegistrySettings.class))
                                .get(Registry.BRREG))
                        .isInstanceOf(BrregVatRegistry.class));
    }

    @Test
    void liveHmrcWithoutCredentials_stopsTheStart() {
        runner.withPropertyValues("cps.verification.registry.hmrc.adapter=live")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("CPS_REGISTRY_HMRC_CLIENT_SECRET"));
    }

    @Test
    void anUnknownAdapter_stopsTheStart() {
        runner.withPropertyValues("cps.verification.registry.vies.adapter=soap")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aSecretFile_isReadWithoutItsLineEnd(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "  value\n");
        assertThat(Secrets.resolve(null, file.toString(), "x")).isEqualTo("value");
        assertThat(Secrets.resolve("env", file.toString(), "x")).isEqualTo("env");
        assertThat(Secrets.resolve("", "", "x")).isNull();
    }
}
