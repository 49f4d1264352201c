package com.canon.cps.platform.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every CPS service shares, under {@code cps.*}.
 *
 * @param service short service name ({@code account}, {@code points}, ...): names the topic {@code cps.<service>.events},
 *     the consumer group {@code <service>-service} and the Flyway location {@code db/<service>}
 * @param consumes services whose topics this service subscribes to; each gets a binding {@code <name>Events-in-0}
 * @param nodeId owner name of this instance in the token store; a stable id lets a restarted instance reclaim its
 *     segments at once instead of waiting for the claim timeout
 */
@ConfigurationProperties("cps")
public record PlatformProperties(
        String service,
        @DefaultValue List<String> consumes,
        String nodeId,
        @DefaultValue Publisher publisher,
        @DefaultValue Consumer consumer,
        @DefaultValue Http http,
        @DefaultValue Jwt jwt) {

    public String topic() {
        return "cps." + service + ".events";
    }

    public String source() {
        return "/cps/" + service + "-service";
    }

    public String consumerGroup() {
        return service + "-service";
    }

    /**
     * @param batchSize events handed to Kafka before waiting for all acknowledgements
     * @param partitions partitions of the service's topic when the publisher creates it
     * @param replicationFactor replication of the topic when created; -1 = broker default
     * @param mode {@code table} (the default): the publisher reads the event table itself; {@code processor}: an Axon
     *     pooled streaming processor runs it (docs/adr/0026)
     * @param pollInterval how often the {@code table} publisher looks for events no commit of this instance woke it
     *     for (other instances' appends, late commits filling a gap)
     * @param tableBatchSize rows the {@code table} publisher reads, sends and has acknowledged per batch
     */
    public record Publisher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("4") int partitions,
            @DefaultValue("-1") short replicationFactor,
            @DefaultValue("30s") Duration ackTimeout,
            @DefaultValue("table") Mode mode,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("5000") int tableBatchSize) {

        /** Who runs the publisher (docs/adr/0026). */
        public enum Mode {
            TABLE,
            PROCESSOR
        }
    }

    /** Retries of a failing record before it goes to the dead-letter topic. */
    public record Consumer(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200") long backOffInitialMs,
            @DefaultValue("2000") long backOffMaxMs) {}

    /** @param maxJsonBodyBytes requests with a larger non-multipart body get 413 */
    public record Http(@DefaultValue("65536") long maxJsonBodyBytes) {}

    /**
     * @param publicKey PEM (X.509 SubjectPublicKeyInfo) of the RS256 key account-service signs tokens with; during a key
     *     rotation several PEM blocks one after the other (the current key and the next or previous one), each accepted
     *     for the tokens whose {@code kid} names it (ADR 22)
     * @param issuer expected {@code iss} claim
     * @param audience expected in the {@code aud} claim: the platform's services, not some other system that trusts
     *     the same issuer
     */
    public record Jwt(
            String publicKey,
            @DefaultValue("cps-account-service") String issuer,
            @DefaultValue("cps-platform") String audience) {}
}
