package com.canon.cps.examples.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.membership.contract.AutoRenewalChanged;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipRenewed;
import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.platform.embedded.EmbeddedKafkaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The subscriber against a real broker, fed records as membership-service publishes them (CloudEvents, binary). */
class ActiveMembershipsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate STARTS = LocalDate.parse("2026-11-27");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-11-26");
    private static final Instant AT = Instant.parse("2026-11-27T09:50:03.118Z");

    private static EmbeddedKafkaServer kafka;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaServer.start(null, 0, 4);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        kafka.close();
    }

    @Test
    void keepsTheActiveMembershipsOfTheTopic() throws Exception {
        String switchedOff = "account-switched-off";
        String renewed = "account-renewed";
        String expired = "account-expired";
        String newer = "account-newer-producer";
        String suspended = "account-suspended";
        String reactivated = "account-reactivated";

        String activation = publish(switchedOff, MembershipActivated.TYPE, activated(switchedOff, "417305962"));
        publish(switchedOff, AutoRenewalChanged.TYPE, new AutoRenewalChanged(switchedOff, "417305962", false, AT));
        // the producer re-sent the activation after a retry: same ce_id; applied again it would switch auto-renewal on
        publish(
                activation,
                switchedOff,
                MembershipActivated.TYPE,
                JSON.writeValueAsBytes(activated(switchedOff, "417305962")));

        publish(renewed, MembershipInvited.TYPE, new MembershipInvited(renewed, 580, AT));
        publish(renewed, MembershipActivated.TYPE, activated(renewed, "512093847"));
        publish(
                renewed,
                MembershipRenewed.TYPE,
                new MembershipRenewed(renewed, "512093847", "SILVER", EXPIRES.plusDays(1), EXPIRES.plusYears(1), AT));

        publish(expired, MembershipActivated.TYPE, activated(expired, "600000001"));
        publish(expired, MembershipExpired.TYPE, new MembershipExpired(expired, "600000001", EXPIRES, AT));

        // an invoice unpaid after dunning: suspended (not active), and one whose invoice was paid: active again
        publish(suspended, MembershipActivated.TYPE, activated(suspended, "600000003"));
        publish(suspended, MembershipSuspended.TYPE, suspension(suspended, "600000003"));
        publish(reactivated, MembershipActivated.TYPE, activated(reactivated, "600000004"));
        publish(reactivated, MembershipSuspended.TYPE, suspension(reactivated, "600000004"));
        publish(
                reactivated,
                MembershipReactivated.TYPE,
                new MembershipReactivated(reactivated, "600000004", "inv-4", "INVOICE_PAID", AT));

        // a producer on a later contract: a field this subscriber does not know, and a type it does not know
        publish(
                UUID.randomUUID().toString(),
                newer,
                MembershipActivated.TYPE,
                ("{\"accountId\":\"" + newer + "\",\"membershipNumber\":\"700000002\",\"tier\":\"GOLD\","
                                + "\"startsOn\":\"2026-11-27\",\"expiresOn\":\"2027-11-26\",\"autoRenew\":true,"
                                + "\"activatedAt\":\"2026-11-27T09:50:03.118Z\",\"benefits\":[\"loan-service\"]}")
                        .getBytes(StandardCharsets.UTF_8));
        publish(
                UUID.randomUUID().toString(),
                newer,
                "cps.membership.MembershipUpgraded.v1",
                "{\"accountId\":\"account-newer-producer\",\"tier\":\"PLATINUM\"}".getBytes(StandardCharsets.UTF_8));
        producer.flush();

        try (ActiveMemberships memberships =
                ActiveMemberships.follow(kafka.bootstrapServers(), "membership-subscriber-test")) {
            Thread runner = new Thread(() -> memberships.run(snapshot -> {}), "subscriber");
            runner.start();
            Map<String, ActiveMembership> expected = Map.of(
                    switchedOff,
                    new ActiveMembership(switchedOff, "417305962", "SILVER", STARTS, EXPIRES, false),
                    renewed,
                    new ActiveMembership(
                            renewed, "512093847", "SILVER", EXPIRES.plusDays(1), EXPIRES.plusYears(1), true),
                    newer,
                    new ActiveMembership(newer, "700000002", "GOLD", STARTS, EXPIRES, true),
                    reactivated,
                    new ActiveMembership(reactivated, "600000004", "SILVER", STARTS, EXPIRES, true));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(memberships.snapshot()).isEqualTo(expected));
            assertThat(memberships.suspended()).containsOnlyKeys(suspended);
            memberships.close();
            runner.join(10_000);
            assertThat(runner.isAlive()).isFalse();
        }
    }

    private static MembershipSuspended suspension(String accountId, String number) {
        return new MembershipSuspended(
                accountId, number, "inv-" + number, "CPS-GB-2026-000123", "UNPAID_INVOICE", STARTS.plusDays(44), AT);
    }

    private static MembershipActivated activated(String accountId, String number) {
        return new MembershipActivated(accountId, number, "SILVER", STARTS, EXPIRES, true, AT);
    }

    private String publish(String accountId, String type, Object event) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, accountId, type, JSON.writeValueAsBytes(event));
        return id;
    }

    /** As membership-service publishes: key and ce_subject = account id, CloudEvents attributes as headers. */
    private void publish(String ceId, String accountId, String type, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ActiveMemberships.TOPIC, accountId, value);
        header(record, "ce_id", ceId);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", type);
        header(record, "ce_source", "/cps/membership-service");
        header(record, "ce_subject", accountId);
        header(record, "ce_time", AT.toString());
        header(record, "content-type", "application/json");
        header(record, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        producer.send(record).get();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
