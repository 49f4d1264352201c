package com.canon.cps.platform.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the settings that follow from {@code cps.service} and {@code cps.consumes}, so no service repeats them:
 * Flyway locations, Axon's serializers, the Spring Cloud Stream consumer bindings with retries and dead-letter
 * topics. Added with the lowest precedence: anything a service or the environment sets wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String service = env.getProperty("cps.service");
        if (service == null) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.application.name", service + "-service");
        p.put("spring.flyway.locations", "classpath:db/platform,classpath:db/" + service);
        // platform migrations (V1..V99) may be added after a service's own (V100..) ran on a database: apply them
        p.put("spring.flyway.out-of-order", "true");
        p.put("axon.serializer.general", "jackson");
        p.put("axon.serializer.events", "jackson");
        p.put("axon.serializer.messages", "jackson");
        p.put("axon.axonserver.enabled", "false");
        p.put("server.shutdown", "graceful");
        p.put("spring.mvc.problemdetails.enabled", "true");
        p.put("spring.mvc.servlet.load-on-startup", "1");
        p.put("springdoc.api-docs.enabled", "true");
        p.put("springdoc.writer-with-order-by-keys", "true"); // the same document every time: docs/openapi/
        p.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        p.put("management.endpoint.health.probes.enabled", "true");
        // multipart bodies are capped too (BodySizeLimitFilter); a service that takes uploads sets its own sizes
        p.put("spring.servlet.multipart.max-file-size", "1MB");
        p.put("spring.servlet.multipart.max-request-size", "1MB");
        // a body refused from its declared length (413) is read and dropped up to this size, so that the client, still
        // sending, gets the answer instead of a reset connection (Tomcat's default 2 MB is below the upload limits)
        p.put("server.tomcat.max-swallow-size", "32MB");
        // details (database, Mongo, disk) only for operators: anonymous callers and probes see the status alone
        p.put("management.endpoint.health.show-details", "when-authorized");
        p.put("management.endpoint.health.show-components", "when-authorized");
        p.put("management.endpoint.health.roles", "OPERATOR");
        p.put("management.endpoint.health.group.readiness.include", "readinessState,db,mongo");
        // whose X-Forwarded-For names the client (the entry point, the portal): CPS_TRUSTED_PROXIES in every service
        p.put("cps.http.sources.trusted-proxies", env.getProperty("CPS_TRUSTED_PROXIES", "127.0.0.1,::1"));
        p.put("management.metrics.tags.service", service + "-service");
        // every trace is recorded (a span costs microseconds); exported only when
        // management.opentelemetry.tracing.export.otlp.endpoint is set
        p.put("management.tracing.sampling.probability", "1.0");
        p.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "false");
        // a consumer may start before the producing service and create its topic: with the producer's partition
        // count, or records keyed to partitions the consumer never saw would wait for its next metadata refresh
        String partitions = env.getProperty("cps.publisher.partitions", "4");
        p.put("spring.cloud.stream.kafka.binder.min-partition-count", partitions);
        p.put(
                "spring.cloud.stream.kafka.binder.replication-factor",
                env.getProperty("cps.publisher.replication-factor", "-1"));
        // and should a topic still grow, consumers notice new partitions within seconds, not five minutes
        p.put("spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms", "10000");

        String maxAttempts = env.getProperty("cps.consumer.max-attempts", "4");
        List<String> consumes = Arrays.stream(
                        env.getProperty("cps.consumes", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        StringBuilder functions = new StringBuilder();
        for (String source : consumes) {
            String function = consumerName(source);
            String binding = bindingName(source);
            String topic = "cps." + source + ".events";
            functions.append(functions.isEmpty() ? "" : ";").append(function);
            String b = "spring.cloud.stream.bindings." + binding;
            p.put(b + ".destination", topic);
            p.put(b + ".group", service + "-service");
            p.put(b + ".content-type", "application/octet-stream");
            p.put(b + ".consumer.max-attempts", maxAttempts);
            p.put(
                    b + ".consumer.back-off-initial-interval",
                    env.getProperty("cps.consumer.back-off-initial-ms", "200"));
            p.put(b + ".consumer.back-off-max-interval", env.getProperty("cps.consumer.back-off-max-ms", "2000"));
            String k = "spring.cloud.stream.kafka.bindings." + binding + ".consumer";
            p.put(k + ".enable-dlq", "true");
            p.put(k + ".dlq-name", deadLetterTopic(source, service));
            p.put(k + ".start-offset", "earliest");
        }
        if (!functions.isEmpty()) {
            p.put("spring.cloud.function.definition", functions.toString());
        }
        env.getPropertySources().addLast(new MapPropertySource("cpsPlatformDefaults", p));
    }

    /** The function (and inbox consumer) that consumes the topic of {@code source}, e.g. {@code accountEvents}. */
    public static String consumerName(String source) {
        return source + "Events";
    }

    /** The Spring Cloud Stream binding of that consumer, e.g. {@code accountEvents-in-0}. */
    public static String bindingName(String source) {
        return consumerName(source) + "-in-0";
    }

    /** Where {@code service} parks the records of {@code source}'s topic that it could not handle. */
    public static String deadLetterTopic(String source, String service) {
        return "cps." + source + ".events." + service + "-service.dlt";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
