package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerTest {

    @TempDir
    Path tempDir;

    @Test
    void producesAndConsumesAndKeepsTheLogAcrossRestarts() throws Exception {
        Path dataDir = tempDir.resolve("kafka");
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir, 0, 3)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            TestClients.produce(kafka.bootstrapServers(), "cps.membership.events", "account-1", "MembershipActivated");

            List<ConsumerRecord<String, String>> records =
                    TestClients.consumeWithGroup(kafka.bootstrapServers(), "cps.membership.events", 1);
            assertThat(records)
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("account-1", "MembershipActivated"));
            assertThat(TestClients.partitions(kafka.bootstrapServers(), "cps.membership.events"))
                    .isEqualTo(3);
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir, 0, 3)) {
            List<ConsumerRecord<String, String>> records =
                    TestClients.readFromBeginning(kafka.bootstrapServers(), "cps.membership.events", 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("MembershipActivated");
        }
    }
}
