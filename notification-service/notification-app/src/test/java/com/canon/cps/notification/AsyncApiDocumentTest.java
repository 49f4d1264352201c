package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * notification-service publishes no events, so it has no contract module: the AsyncAPI document it serves at
 * {@code /asyncapi.yaml} is written by hand in this module, and the repository's copy in {@code docs/asyncapi} must
 * be the same text (as the contract modules' tests require of theirs).
 */
class AsyncApiDocumentTest {

    private static final String RESOURCE = "META-INF/cps/asyncapi-notification.yaml";

    @Test
    void theServedDocument_isTheRepositorysCopy_andHasNoChannels() throws IOException {
        String served;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            served = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(served).contains("asyncapi: \"3.0.0\"", "title: notification-service events");
        assertThat(served).doesNotContain("channels:");
        assertThat(Files.readString(docsCopy(), StandardCharsets.UTF_8)).isEqualTo(served);
    }

    /** {@code docs/asyncapi/notification.yaml}, found from the module directory upwards. */
    private static Path docsCopy() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("docs/asyncapi/notification.yaml");
            if (Files.isRegularFile(copy)) {
                return copy;
            }
        }
        throw new AssertionError(
                "docs/asyncapi/notification.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
