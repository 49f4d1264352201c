package com.canon.cps.verification.registry;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the registry port. Today the simulator serves all four registries; a real adapter (VIES SOAP, HMRC REST, UID
 * and BRREG web services) replaces it per registry in {@link #vatRegistry} without touching its callers.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    SimulatedVatRegistry simulatedVatRegistry(RegistrySettings settings, Clock clock) {
        RegistrySettings.SimulatorSettings simulator = settings.simulator();
        return new SimulatedVatRegistry(
                clock,
                simulator.latency(),
                simulator.outage(),
                simulator.failureRate(),
                simulator.timeoutRate(),
                simulator.hang());
    }

    @Bean(destroyMethod = "close")
    @Primary
    ResilientVatRegistry vatRegistry(
            SimulatedVatRegistry simulator, RegistrySettings settings, Clock clock, MeterRegistry meters) {
        Map<Registry, VatRegistry> adapters = new EnumMap<>(Registry.class);
        for (Registry registry : Registry.values()) {
            adapters.put(registry, simulator);
        }
        return new ResilientVatRegistry(adapters, settings, clock, meters);
    }
}
