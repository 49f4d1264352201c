package com.canon.cps.platform.config;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a CPS service. Each service keeps its settings in {@code <service>-service.yml} (not
 * {@code application.yml}), so that the local launcher can run all seven services on one classpath, each in its own
 * context with its own file; an external {@code application.yml} or environment variables still override them.
 */
public final class CpsApplication {

    private CpsApplication() {}

    public static SpringApplicationBuilder builder(Class<?> application, String service) {
        // services run in closed networks: no phoning home to AxonIQ's update checker (set it to false to opt in)
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        return new SpringApplicationBuilder(application).properties(Map.of("spring.config.name", configName(service)));
    }

    public static String configName(String service) {
        return service + "-service,application";
    }

    public static ConfigurableApplicationContext run(Class<?> application, String service, String... args) {
        return builder(application, service).run(args);
    }
}
