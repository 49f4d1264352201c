package com.canon.cps.verification.registry;

import com.canon.cps.verification.config.RegistrySettings;
import com.canon.cps.verification.registry.adapter.BrregVatRegistry;
import com.canon.cps.verification.registry.adapter.HmrcVatRegistry;
import com.canon.cps.verification.registry.adapter.RegistryHttp;
import com.canon.cps.verification.registry.adapter.SwissUidRegistry;
import com.canon.cps.verification.registry.adapter.ViesRestRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Wires the registry port: per registry, its {@code adapter} setting picks the local simulator (the default) or the
 * registry's own published interface ({@code live}): VIES REST, HMRC's API, the UID register's SOAP service,
 * Brønnøysund's open data API. Either way the resilient decorator routes each VAT ID by its country prefix and protects
 * every call; switching a deployment to the live registries is configuration only. A live adapter without its
 * credentials stops the start.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    SimulatedVatRegistry simulatedVatRegistry(RegistrySettings settings, Clock clock) {
        return new SimulatedVatRegistry(clock, settings.simulator().faults());
    }

    @Bean(destroyMethod = "close")
    @Primary
    ResilientVatRegistry vatRegistry(
            SimulatedVatRegistry simulator,
            RegistrySettings settings,
            Clock clock,
            MeterRegistry meters,
            Environment environment) {
        requireSimulatorsEnabled(settings, environment);
        Map<Registry, VatRegistry> adapters = adapters(simulator, settings, clock, Clock.systemUTC());
        return new ResilientVatRegistry(adapters, settings, clock, meters);
    }

    /** The setting that lets a simulator of an outside party run (local mode, tests, demonstrations). */
    static final String SIMULATORS_ENABLED = "cps.simulators.enabled";

    /**
     * The simulator confirms every well-formed VAT ID: outside local mode and the tests it would approve any applicant.
     * A registry left on the simulator stops the start unless {@value #SIMULATORS_ENABLED} says so.
     */
    static void requireSimulatorsEnabled(RegistrySettings settings, Environment environment) {
        if (environment.getProperty(SIMULATORS_ENABLED, Boolean.class, false)) {
            return;
        }
        List<String> simulated = Arrays.stream(Registry.values())
                .filter(r -> RegistrySettings.SIMULATOR.equals(r.adapterIn(settings)))
                .map(r -> "cps.verification.registry." + r.name().toLowerCase(Locale.ROOT) + ".adapter")
                .toList();
        if (!simulated.isEmpty()) {
            throw new IllegalStateException(
                    String.join(", ", simulated)
                            + "=simulator: the VAT-registry simulator confirms any well-formed VAT ID and runs only with "
                            + SIMULATORS_ENABLED
                            + "=true (CPS_SIMULATORS_ENABLED=true; set by ./cps-local and the tests)."
                            + " A real deployment sets each registry to live (CPS_REGISTRY_<VIES|HMRC|UID|BRREG>_ADAPTER=live)");
        }
    }

    /** The adapter of each registry, as configured. */
    static Map<Registry, VatRegistry> adapters(
            SimulatedVatRegistry simulator, RegistrySettings settings, Clock clock, Clock wallClock) {
        RegistryHttp http = new RegistryHttp(settings.connectTimeout(), settings.timeout());
        Map<Registry, VatRegistry> adapters = new EnumMap<>(Registry.class);
        for (Registry registry : Registry.values()) {
            boolean live = RegistrySettings.LIVE.equals(registry.adapterIn(settings));
            adapters.put(registry, live ? live(registry, http, settings, clock, wallClock) : simulator);
            log.info("VAT registry {}: {}", registry, live ? "live" : "simulator");
        }
        return adapters;
    }

    private static VatRegistry live(
            Registry registry, RegistryHttp http, RegistrySettings settings, Clock clock, Clock wallClock) {
        return switch (registry) {
            case VIES ->
                new ViesRestRegistry(
                        http, settings.vies().baseUrl(), settings.vies().requesterVatId(), clock);
            case HMRC -> {
                RegistrySettings.HmrcSettings hmrc = settings.hmrc();
                String secret = Secrets.resolve(
                        hmrc.clientSecret(), hmrc.clientSecretFile(), "cps.verification.registry.hmrc.client-secret");
                if (hmrc.clientId() == null || hmrc.clientId().isBlank() || secret == null || secret.isEmpty()) {
                    throw new IllegalStateException("cps.verification.registry.hmrc.adapter=live needs client-id and"
                            + " client-secret (CPS_REGISTRY_HMRC_CLIENT_ID, CPS_REGISTRY_HMRC_CLIENT_SECRET or"
                            + " CPS_REGISTRY_HMRC_CLIENT_SECRET_FILE)");
                }
                yield new HmrcVatRegistry(
                        http, hmrc.baseUrl(), hmrc.clientId(), secret, hmrc.requesterVrn(), clock, wallClock);
            }
            case UID -> new SwissUidRegistry(http, settings.uid().baseUrl(), clock);
            case BRREG -> new BrregVatRegistry(http, settings.brreg().baseUrl(), clock);
        };
    }
}
