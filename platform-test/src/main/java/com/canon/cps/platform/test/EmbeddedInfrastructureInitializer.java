package com.canon.cps.platform.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the shared embedded servers (highest precedence, so the service's own
 * defaults for external servers do not apply).
 */
public class EmbeddedInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getRequiredProperty("cps.service");
        context.getEnvironment()
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("embeddedInfrastructure", TestInfrastructure.serviceProperties(service)));
    }
}
