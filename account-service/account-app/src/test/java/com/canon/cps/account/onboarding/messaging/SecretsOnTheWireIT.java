package com.canon.cps.account.onboarding.messaging;

import static com.canon.cps.account.AccountJourney.ACCOUNT_TOPIC;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No secret on {@code cps.account.events} (ADR 20): the raw records of an account that got a password-setup link, the
 * code for its old CPS e-mail, a contact-e-mail confirmation link and a password-reset link hold none of these secrets,
 * neither in the payload nor in a header. The secrets are the working ones (derived by account-service from the issue
 * ids in its event store; the setup link is used to prove it), and notification-service's key opens them from the
 * sealed values.
 */
@AccountServiceTest
class SecretsOnTheWireIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final List<String> SECRET_EVENTS = List.of(
            "PasswordSetupIssued", "LegacyEmailCodeIssued", "ContactEmailConfirmationIssued", "PasswordResetIssued");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SetupLinkTokens links;

    @Autowired
    LegacyEmailCodes codes;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void linkTokensAndCodes_areOnTheTopicOnlySealed_andNotificationServiceOpensThem() {
        String email = uniqueEmail("wire");
        String accountId = journey.apply(email, "en"); // with an old CPS e-mail: its code follows the activation
        journey.verify(accountId);
        String setupToken = links.tokenFor(accountId, issueId(accountId, "PasswordSetupIssued"));
        assertThat(journey.setPassword(setupToken, PASSWORD).status())
                .as("the derived token is the link's")
                .isEqualTo(204);
        String code = codes.codeFor(accountId, issueId(accountId, "LegacyEmailCodeIssued"));
        String access = journey.signIn(email, PASSWORD).path("accessToken").asString();
        assertThat(http.patchJson(
                                "/api/accounts/me",
                                HttpTestClient.json(Map.of("contactEmail", uniqueEmail("wire-new"))),
                                access)
                        .status())
                .isEqualTo(202);
        String confirmationToken = links.tokenFor(accountId, issueId(accountId, "ContactEmailChangeRequested"));
        assertThat(journey.requestPasswordReset(email).status()).isEqualTo(202);
        String resetToken = links.tokenFor(accountId, issueId(accountId, "PasswordResetIssued"));

        List<ConsumerRecord<String, byte[]>> records = recordsWithAllSecretEvents(accountId);

        List<String> tokens = List.of(setupToken, confirmationToken, resetToken);
        for (ConsumerRecord<String, byte[]> r : records) {
            String raw = new String(r.value(), StandardCharsets.UTF_8) + KafkaTestClient.headers(r);
            for (String token : tokens) {
                assertThat(raw).as("a link token in " + type(r)).doesNotContain(token);
            }
            assertThat(values(JSON.readTree(r.value())))
                    .as("the code in " + type(r))
                    .doesNotContain(code);
        }
        // what notification-service reads: each sealed value opens, with its key, to the working secret
        assertThat(secretOf(records, "PasswordSetupIssued", "token")).isEqualTo(setupToken);
        assertThat(secretOf(records, "LegacyEmailCodeIssued", "code")).isEqualTo(code);
        assertThat(secretOf(records, "ContactEmailConfirmationIssued", "token")).isEqualTo(confirmationToken);
        assertThat(secretOf(records, "PasswordResetIssued", "token")).isEqualTo(resetToken);
    }

    /** The account's records, read until one of each event that carries a secret has been seen. */
    private static List<ConsumerRecord<String, byte[]>> recordsWithAllSecretEvents(String accountId) {
        Set<String> seen = new HashSet<>();
        List<ConsumerRecord<String, byte[]>> read = KafkaTestClient.readUntil(
                ACCOUNT_TOPIC,
                r -> {
                    if (accountId.equals(r.key())) {
                        SECRET_EVENTS.stream()
                                .filter(name -> type(r).startsWith("cps.account." + name + "."))
                                .forEach(seen::add);
                    }
                    return seen.size() == SECRET_EVENTS.size();
                },
                WITHIN);
        assertThat(seen).as("published for " + accountId).containsExactlyInAnyOrderElementsOf(SECRET_EVENTS);
        return read.stream().filter(r -> accountId.equals(r.key())).toList();
    }

    private static String secretOf(List<ConsumerRecord<String, byte[]>> records, String name, String field) {
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> type(r).startsWith("cps.account." + name + "."))
                .findFirst()
                .orElseThrow();
        return AccountJourney.opened(record).path(field).asString();
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        return String.valueOf(KafkaTestClient.header(r, "ce_type"));
    }

    /** Every scalar value of the payload, as text. */
    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isContainer()) {
            node.forEach(child -> values.addAll(values(child)));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    /** The issue id of the account's (only) internal event {@code type}, from the event store. */
    private String issueId(String accountId, String type) {
        await().atMost(WITHIN).until(() -> !payloads(accountId, type).isEmpty());
        List<String> payloads = payloads(accountId, type);
        assertThat(payloads).as(type + " of " + accountId).hasSize(1);
        return JSON.readTree(payloads.get(0)).path("issueId").asString();
    }

    private List<String> payloads(String accountId, String type) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                String.class,
                accountId,
                "%." + type);
    }
}
