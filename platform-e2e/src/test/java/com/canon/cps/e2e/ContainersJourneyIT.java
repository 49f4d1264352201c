package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalOptions;
import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.test.HttpTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The thin journey against the production images of PostgreSQL, Kafka and MongoDB instead of the embedded servers
 * (the platform uses them as external servers and embeds none of them). Runs where Docker exists; skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersJourneyIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @TempDir
    static Path dataDir;

    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(new LocalOptions(
                dataDir,
                false,
                22000,
                false,
                POSTGRES.getJdbcUrl().replaceAll("/[^/]*$", "/"),
                POSTGRES.getUsername(),
                POSTGRES.getPassword(),
                KAFKA.getBootstrapServers(),
                MONGO.getConnectionString(),
                null,
                0,
                "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void application_reachesOperatorQueueAndApplicantMail() {
        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + platform.entryPointPort());
        String token = http.postJson(
                        "/api/auth/login",
                        HttpTestClient.json(
                                Map.of("email", platform.operatorEmail(), "password", platform.operatorPassword())),
                        null)
                .json()
                .path("accessToken")
                .asString();
        String email = "containers-" + UUID.randomUUID() + "@lumen.example";
        String accountId = http.postJson(
                        "/api/accounts", HttpTestClient.json(Applications.gbVatLiable("Lumen Studio Ltd", email)), null)
                .json()
                .path("accountId")
                .asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get("/api/verification/cases?accountId=" + accountId, token)
                            .json())
                    .hasSize(1);
            assertThat(platform.infrastructure().smtp().mailTo(email)).hasSize(1);
        });
    }
}
