package com.canon.cps.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestInfrastructure;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, finding 7, as every service has it (the rules live in platform-starter): only health, without details, and
 * info are public; metrics and Prometheus need an OPERATOR token or the scraper's Basic credentials.
 */
@PointsServiceTest
class ActuatorAccessIT {

    @LocalServerPort
    int port;

    private HttpTestClient http() {
        return new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void healthAndInfo_arePublic_healthWithoutDetails_exceptForOperators() {
        HttpTestClient.Response health = http().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(health.json().has("details")).isFalse();
        assertThat(http().get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http().get("/actuator/info", null).status()).isEqualTo(200);

        HttpTestClient.Response asOperator = http().get("/actuator/health", TestTokens.operator());
        assertThat(asOperator.json().has("components")).isTrue();
        assertThat(http().get("/actuator/health", TestTokens.member("acc-1"))
                        .json()
                        .has("components"))
                .isFalse();
    }

    @Test
    void metricsAndPrometheus_needAnOperatorOrTheScraper() throws Exception {
        for (String path :
                new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live"}) {
            assertThat(http().get(path, null).status()).as(path).isEqualTo(401);
            assertThat(http().get(path, TestTokens.member("acc-1")).status())
                    .as(path)
                    .isEqualTo(403);
            assertThat(http().get(path, TestTokens.operator()).status())
                    .as(path)
                    .isEqualTo(200);
            assertThat(basic(path, "prometheus", TestInfrastructure.SCRAPE_PASSWORD))
                    .as(path)
                    .isEqualTo(200);
            assertThat(basic(path, "prometheus", "wrong")).as(path).isEqualTo(401);
            assertThat(basic(path, "someone", TestInfrastructure.SCRAPE_PASSWORD))
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(http().get("/actuator/prometheus", TestTokens.operator()).body())
                .contains("jvm_");
    }

    @Test
    void otherEndpoints_areNotExposed_andNeverPublic() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/loggers", "/actuator"}) {
            assertThat(http().get(path, null).status()).as(path).isIn(401, 404);
            assertThat(basic(path, "prometheus", TestInfrastructure.SCRAPE_PASSWORD))
                    .as(path)
                    .isIn(401, 403, 404);
        }
    }

    private int basic(String path, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
