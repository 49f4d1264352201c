package com.canon.cps.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

class AsyncApiControllerTest {

    private final ClassLoader classLoader = getClass().getClassLoader();

    @Test
    void servesTheDocumentOfItsOwnService() {
        ResponseEntity<byte[]> response = new AsyncApiController("sample", classLoader).asyncApi();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(AsyncApiController.APPLICATION_YAML);
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("title: sample-service events");
    }

    @Test
    void aServiceWithoutDocumentAnswers404() {
        AsyncApiController controller = new AsyncApiController("other", classLoader);

        assertThatThrownBy(controller::asyncApi)
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
