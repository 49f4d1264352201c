package com.canon.cps.local;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Local mode runs the seven services and the portal on one classpath, each in its own context. In production each
 * is its own jar and sees only its own libraries; here the portal would otherwise auto-configure the services'
 * event store, Kafka binder and read-model store, and every service the portal's Thymeleaf and JDBC sessions. This
 * filter keeps each context to its own kind: a context with {@code cps.service} set is a service, the one named
 * {@code portal-service} is the portal.
 */
public final class SharedClasspathFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> SERVICE_ONLY = List.of(
            "com.canon.cps.platform.",
            "org.axonframework.",
            "org.springframework.cloud.",
            "org.springframework.boot.kafka.",
            "org.springframework.boot.mongodb.",
            "org.springframework.boot.data.mongodb.",
            "org.springframework.boot.flyway.",
            "org.springframework.boot.security.oauth2.",
            "org.springdoc.",
            "io.github.resilience4j.");

    private static final List<String> PORTAL_ONLY =
            List.of("org.springframework.boot.thymeleaf.", "org.springframework.boot.session.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        List<String> excluded = excluded();
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = candidate == null || excluded.stream().noneMatch(candidate::startsWith);
        }
        return match;
    }

    private List<String> excluded() {
        if (environment == null) {
            return List.of();
        }
        if ("portal-service".equals(environment.getProperty("spring.application.name"))) {
            return SERVICE_ONLY;
        }
        if (environment.getProperty("cps.service") != null) {
            return PORTAL_ONLY;
        }
        return List.of();
    }
}
