package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void startsAllFourServersForTests() throws Exception {
        try (EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests())) {
            infrastructure.postgres().ensureDatabase("points_service");
            try (Connection connection = infrastructure.postgres().connect("points_service");
                    Statement statement = connection.createStatement()) {
                assertThat(EmbeddedPostgresServerTest.single(statement, "SELECT current_database()"))
                        .isEqualTo("points_service");
            }

            TestClients.produce(
                    infrastructure.kafka().bootstrapServers(), "cps.points.events", "a-1", "PointsBalanceChanged");
            assertThat(TestClients.partitions(infrastructure.kafka().bootstrapServers(), "cps.points.events"))
                    .isEqualTo(4);

            try (MongoClient client = MongoClients.create(infrastructure.mongo().connectionString())) {
                Document ping = client.getDatabase("admin").runCommand(new Document("ping", 1));
                assertThat(ping.get("ok")).isIn(1, 1.0);
            }

            TestClients.sendMail(
                    infrastructure.smtp().port(),
                    "donotreply@cps.example",
                    List.of("x@example.de"),
                    List.of(),
                    "s",
                    "t");
            assertThat(infrastructure.smtp().mailTo("x@example.de")).hasSize(1);
        }
    }
}
