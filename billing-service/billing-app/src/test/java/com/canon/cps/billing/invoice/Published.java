package com.canon.cps.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/** What billing-service published on {@code cps.billing.events}, as the billing ITs read it. */
final class Published {

    static final String TOPIC = "cps.billing.events";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Published() {}

    /** Waits for a record of the type for the account; returns the last one's payload. */
    static <T> T published(String account, String type, Class<T> payload) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                TOPIC, r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(KafkaTestClient.header(last, "ce_type")).isEqualTo(type);
        assertThat(KafkaTestClient.header(last, "ce_subject")).isEqualTo(account);
        return JSON.readValue(last.value(), payload);
    }

    /** How many records of the type for the account the topic holds (read for a few seconds). */
    static long publishedCount(String account, String type) {
        return KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")))
                .count();
    }
}
