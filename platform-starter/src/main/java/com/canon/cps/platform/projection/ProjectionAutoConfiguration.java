package com.canon.cps.platform.projection;

import com.canon.cps.platform.consuming.ConsumingAutoConfiguration;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Read-model support on Spring Data MongoDB: versioned projections and their writer. */
@AutoConfiguration(
        after = {EventStoreAutoConfiguration.class, ConsumingAutoConfiguration.class},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionAutoConfiguration {

    @Bean
    @ConditionalOnBean({MongoTemplate.class, JdbcTemplate.class})
    @ConditionalOnMissingBean
    public Projections projections(
            ApplicationContext context, MongoTemplate mongo, JdbcTemplate jdbc, ProjectionProperties properties) {
        return new Projections(context, mongo, jdbc, properties.cacheTtl());
    }

    @Bean
    @ConditionalOnBean(Projections.class)
    @ConditionalOnMissingBean
    public ProjectionWriter projectionWriter(MongoTemplate mongo, Projections projections) {
        return new ProjectionWriter(mongo, projections);
    }

    @Bean
    @ConditionalOnBean(Projections.class)
    @ConditionalOnMissingBean
    public ReadBarrier readBarrier(
            JdbcTemplate jdbc,
            @Qualifier("serializer") Serializer serializer,
            Projections projections,
            ObjectProvider<EventProcessingConfiguration> processing) {
        return new ReadBarrier(jdbc, serializer, projections, name -> localPositions(processing, name));
    }

    /** The positions of the segments of processor {@code name} that this instance processes, without failed ones. */
    static Map<Integer, TrackingToken> localPositions(
            ObjectProvider<EventProcessingConfiguration> processing, String name) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return Map.of();
        }
        Map<Integer, TrackingToken> positions = new HashMap<>();
        configuration
                .eventProcessor(name, StreamingEventProcessor.class)
                .ifPresent(processor -> processor.processingStatus().forEach((segment, status) -> {
                    if (!status.isErrorState() && status.getTrackingToken() != null) {
                        positions.put(segment, status.getTrackingToken());
                    }
                }));
        return positions;
    }

    @Bean
    @ConditionalOnBean(ReadBarrier.class)
    public FilterRegistrationBean<ReadBarrierFilter> readBarrierFilter(
            ReadBarrier barrier, ProjectionProperties properties) {
        FilterRegistrationBean<ReadBarrierFilter> registration =
                new FilterRegistrationBean<>(new ReadBarrierFilter(barrier, properties.readBarrierMaxWait()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /**
     * A read-model write must be durable before the processor's token (PostgreSQL) moves past its event, or a crash
     * of the store loses it for good (ADR 12). MongoDB promises that only for a journaled majority write concern,
     * which is therefore the default here; a {@code w} or {@code journal} option in {@code spring.mongodb.uri} wins.
     */
    @Bean
    @ConditionalOnClass(MongoClientSettings.class)
    public MongoClientSettingsBuilderCustomizer journaledMajorityWrites(Environment environment) {
        return settings -> {
            String uri = environment.getProperty("spring.mongodb.uri");
            if (uri == null || new ConnectionString(uri).getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
            }
        };
    }

    /**
     * Boot's indicator sends {@code hello}, which the Mongo wire-protocol substitute does not implement; {@code ping}
     * works on MongoDB and on the substitute alike.
     */
    @Bean("mongoHealthIndicator")
    @ConditionalOnBean(MongoTemplate.class)
    public HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                Document result = mongo.executeCommand(new Document("ping", 1));
                return Health.up()
                        .withDetail("database", mongo.getDb().getName())
                        .withDetail("ping", result.get("ok"))
                        .build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
