package com.canon.cps.platform.projection;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Read-model support on Spring Data MongoDB. */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class ProjectionAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    public ProjectionWriter projectionWriter(MongoTemplate mongo) {
        return new ProjectionWriter(mongo);
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
