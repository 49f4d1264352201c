package com.canon.cps.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** ADR 12: read-model writes are acknowledged only when journaled on a majority, unless the URI says otherwise. */
class ReadModelWriteConcernTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, ProjectionAutoConfiguration.class));

    @Test
    void defaultsToJournaledMajorityWrites() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/reads")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class)))
                        .isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void aWriteConcernInTheUriWins() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/reads?w=1")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class))).isEqualTo(WriteConcern.W1));
    }

    private static WriteConcern writeConcern(MongoClient client) {
        return client.getDatabase("reads").getWriteConcern();
    }
}
