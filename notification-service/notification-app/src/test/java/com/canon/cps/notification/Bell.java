package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** The member's bell ({@code GET /api/notifications}) as the notification tests read it. */
final class Bell {

    private Bell() {}

    /** The member's bell entries now. */
    static JsonNode entries(HttpTestClient http, String accountId) {
        HttpTestClient.Response response = http.get("/api/notifications", TestTokens.member(accountId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits for the member's first bell entry of {@code type}. */
    static JsonNode awaitEntry(HttpTestClient http, String accountId, String type) {
        return await().atMost(Mailbox.DELIVERED)
                .until(
                        () -> {
                            for (JsonNode entry : entries(http, accountId)) {
                                if (type.equals(entry.path("type").asString())) {
                                    return entry;
                                }
                            }
                            return null;
                        },
                        entry -> entry != null);
    }

    /** Waits until the member's bell has an entry; returns all entries. */
    static JsonNode awaitAny(HttpTestClient http, String accountId) {
        return await().atMost(Mailbox.DELIVERED).until(() -> entries(http, accountId), e -> !e.isEmpty());
    }
}
