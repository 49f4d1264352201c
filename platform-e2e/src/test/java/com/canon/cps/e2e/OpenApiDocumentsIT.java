package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's OpenAPI document is checked in under {@code docs/openapi/<service>.json} (issue 18), like the
 * AsyncAPI files of the contract modules: the build compares what every service serves through the entry point with
 * the checked-in file. A difference rewrites the file and fails, so the change shows in {@code git diff} and is
 * committed with the code that made it. Every operation documents its problems.
 */
class OpenApiDocumentsIT {

    private static final List<String> SERVICES =
            List.of("account", "verification", "product", "points", "membership", "billing", "notification");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void theServedDocumentsAreTheCheckedInOnesAndDocumentEveryProblem() throws IOException {
        HttpTestClient http = SharedPlatform.http();
        Path dir = Files.createDirectories(Path.of("..", "docs", "openapi")); // the tests run in platform-e2e/
        List<String> outOfDate = new ArrayList<>();
        for (String service : SERVICES) {
            HttpTestClient.Response served = http.get("/openapi/" + service + ".json", null);
            assertThat(served.status()).as(service).isEqualTo(200);
            JsonNode document = JSON.readTree(served.body());
            assertThat(document.path("info").path("title").asString()).isEqualTo(service + "-service");
            document.path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .properties()
                            .forEach(operation -> assertThat(operation
                                            .getValue()
                                            .path("responses")
                                            .has("401"))
                                    .as("%s %s %s documents its problems", service, operation.getKey(), path.getKey())
                                    .isTrue()));
            String text = JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
            Path file = dir.resolve(service + ".json");
            if (!Files.exists(file) || !Files.readString(file).equals(text)) {
                Files.writeString(file, text);
                outOfDate.add(file.toString());
            }
        }
        assertThat(outOfDate)
                .as(
                        "OpenAPI documents that differed from what the services serve: rewritten now, review and commit them")
                .isEmpty();
    }
}
