package com.canon.cps.portal;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The member portal and the back office: a backend for the browser. It renders pages, keeps the signed-in person's
 * tokens in a server-side session and calls the services' public REST APIs; it owns no business state.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    /** Settings in {@code portal-service.yml}, like the services, so that all can share one classpath locally. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PortalApplication.class)
                .properties(Map.of("spring.config.name", "portal-service,application"));
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
