package com.canon.cps.product.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.product.ProductServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes (ADR 17): a read that asks for it with {@code Cps-Read-Barrier}, sent right after the answer to a
 * write, always sees that write in the projection: the new product in MY PRODUCTS, a deregistered one gone; and the
 * barrier is reached (not waited out for its maximum, which once happened after nearly every write: a projection's
 * processor stored its position past events it does not handle only every 5 s).
 */
@ProductServiceTest
class ReadYourWritesIT {

    @LocalServerPort
    int port;

    @Test
    void aReadAfterTheWriteAlwaysShowsIt() {
        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
        String token = TestTokens.member(UUID.randomUUID().toString());
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            HttpTestClient.Response created = http.postJson(
                    "/api/products",
                    HttpTestClient.json(Map.of("modelCode", "EF-40-F2.8-STM", "serialNumber", serial())),
                    token);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            registered.add(created.json().path("productId").asString());

            HttpTestClient.Response list = http.getAfterWrite("/api/products", token);

            assertThat(list.header("Cps-Read-Barrier"))
                    .as("the barrier is reached, not waited out, after registration %d", i)
                    .isEqualTo("reached");
            assertThat(productIds(list.json())).as("after registration %d", i).containsExactlyElementsOf(registered);
        }
        String removed = registered.remove(0);
        assertThat(http.delete("/api/products/" + removed, token).status()).isEqualTo(204);

        HttpTestClient.Response afterRemoval = http.getAfterWrite("/api/products", token);
        assertThat(afterRemoval.header("Cps-Read-Barrier")).isEqualTo("reached");
        assertThat(productIds(afterRemoval.json())).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static List<String> productIds(JsonNode products) {
        List<String> ids = new ArrayList<>();
        products.forEach(p -> ids.add(p.path("productId").asString()));
        return ids;
    }

    private static String serial() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
