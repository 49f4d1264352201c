package com.canon.cps.account.onboarding.messaging;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.publishedTypes;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.VerificationInfoProvided;
import com.canon.cps.verification.contract.VerificationSlaBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * account-service consuming {@code cps.verification.events} through the real broker, as verification-service sends
 * them: an approval opens the account and issues exactly one setup link, however often it is delivered; a rejection
 * and an information request are published with their reasons; refused outcomes are dead-lettered.
 */
@AccountServiceTest
class VerificationEventsIT {

    private static final Duration PROCESSED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void accountVerified_opensTheAccount_withItsLegacyEmail_andIssuesOneSetupLink_withoutSecretsInTheEventStore() {
        String email = uniqueEmail("ada");
        String accountId = journey.apply(email, "en");

        journey.verify(accountId);

        JsonNode opened = awaitPublished(accountId, "cps.account.AccountOpened.v1");
        assertThat(opened.path("accountId").asString()).isEqualTo(accountId);
        assertThat(opened.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(opened.path("country").asString()).isEqualTo("GB");
        assertThat(opened.path("language").asString()).isEqualTo("en");
        assertThat(opened.path("legacyCpsEmail").asString()).isEqualTo("old." + email);
        assertThat(Instant.parse(opened.path("openedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());

        JsonNode issued = awaitPublished(accountId, "cps.account.PasswordSetupIssued.v2");
        String token = issued.path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.path("contactEmail").asString()).isEqualTo(email);
        assertThat(issued.path("language").asString()).isEqualTo("en");
        assertThat(Instant.parse(issued.path("expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(72)));

        assertThat(status(accountId)).isEqualTo("VERIFIED");
        // the event store and the link table hold no usable token: only its SHA-256
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                        Long.class,
                        "%" + token + "%"))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT token_hash FROM password_setup_link WHERE account_id = ?", String.class, accountId))
                .isEqualTo(sha256(token))
                .isNotEqualTo(token);
    }

    @Test
    void setupLinkHashes_areStoredInTheTransactionOfTheirEvent() {
        // a subscribing processor runs in the command's unit of work: the link is usable as soon as its event exists,
        // and a failure to store it rolls the approval back (a streaming processor would do neither)
        assertThat(processing.eventProcessor("password-setup-links"))
                .get()
                .isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void accountVerifiedDeliveredTwice_orApprovedTwice_issuesExactlyOneSetupLink() {
        String accountId = journey.apply(uniqueEmail("twice"), "en");
        String ceId = journey.verify(accountId);
        String token = awaitPublished(accountId, "cps.account.PasswordSetupIssued.v2")
                .path("token")
                .asString();
        double duplicatesBefore = consumed("duplicate");
        double handledBefore = consumed("handled");

        journey.verify(accountId, ceId); // the same record again (at-least-once delivery)
        journey.verify(accountId); // a second approval with its own id (the account is already open)

        await().atMost(PROCESSED).until(() -> consumed("duplicate") >= duplicatesBefore + 1);
        await().atMost(PROCESSED).until(() -> consumed("handled") >= handledBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                                + " AND payloadtype LIKE '%PasswordSetupIssued'",
                        Long.class, accountId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM password_setup_link WHERE account_id = ?", Long.class, accountId))
                .isEqualTo(1);
        // once a later event of the account is on the wire, everything before it is: one setup link was published
        assertThat(journey.setPassword(token, "Correct horse 42").status()).isEqualTo(204);
        assertThat(publishedTypes(accountId, "cps.account.AccountActivated.v1"))
                .containsExactly(
                        "cps.account.AccountApplicationSubmitted.v1",
                        "cps.account.AccountOpened.v1",
                        "cps.account.PasswordSetupIssued.v2",
                        "cps.account.AccountActivated.v1");
    }

    @Test
    void verificationRejected_publishesAccountRejectedWithReason_andIssuesNoSetupLink() {
        String accountId = journey.apply(uniqueEmail("rejected"), "de");

        journey.reject(accountId, "Das Dokument zeigt den Firmennamen nicht");

        JsonNode rejected = awaitPublished(accountId, "cps.account.AccountRejected.v1");
        assertThat(rejected.path("reason").asString()).isEqualTo("Das Dokument zeigt den Firmennamen nicht");
        assertThat(Instant.parse(rejected.path("rejectedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        await().atMost(PROCESSED).until(() -> "REJECTED".equals(status(accountId)));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM password_setup_link WHERE account_id = ?", Long.class, accountId))
                .isZero();
    }

    @Test
    void approvalOfARejectedAccount_isRefused_andDeadLettered_withoutOpeningIt() {
        String accountId = journey.apply(uniqueEmail("late"), "en");
        journey.reject(accountId, "Not a business");
        awaitPublished(accountId, "cps.account.AccountRejected.v1");

        String ceId = journey.verify(accountId);

        var dead = KafkaTestClient.readUntil(
                "cps.verification.events.account-service.dlt",
                r -> ceId.equals(KafkaTestClient.header(r, "ce_id")),
                PROCESSED);
        assertThat(dead).as("dead-lettered").anyMatch(r -> ceId.equals(KafkaTestClient.header(r, "ce_id")));
        assertThat(status(accountId)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, accountId))
                .as("submitted and rejected only")
                .isEqualTo(2);
    }

    @Test
    void infoRequested_publishesTheReason_setsINFO_REQUESTED_andALaterApprovalStillOpens() {
        String accountId = journey.apply(uniqueEmail("info"), "en");

        journey.requestInfo(accountId, "Please upload an invoice not older than 3 months");

        JsonNode requested = awaitPublished(accountId, "cps.account.AccountInfoRequested.v1");
        assertThat(requested.path("reason").asString()).isEqualTo("Please upload an invoice not older than 3 months");
        await().atMost(PROCESSED).until(() -> "INFO_REQUESTED".equals(status(accountId)));

        journey.verify(accountId);

        awaitPublished(accountId, "cps.account.PasswordSetupIssued.v2");
        await().atMost(PROCESSED).until(() -> "VERIFIED".equals(status(accountId)));
        assertThat(publishedTypes(accountId, "cps.account.PasswordSetupIssued.v2"))
                .containsExactly(
                        "cps.account.AccountApplicationSubmitted.v1",
                        "cps.account.AccountInfoRequested.v1",
                        "cps.account.AccountOpened.v1",
                        "cps.account.PasswordSetupIssued.v2");
    }

    @Test
    void infoProvided_returnsTheApplicationToPendingVerification_andIsNotRepeated() {
        String accountId = journey.apply(uniqueEmail("answered"), "en");
        journey.requestInfo(accountId, "Please upload an invoice not older than 3 months");
        await().atMost(PROCESSED).until(() -> "INFO_REQUESTED".equals(status(accountId)));

        for (int delivery = 0; delivery < 2; delivery++) {
            AccountJourney.send(
                    accountId,
                    "provided-" + accountId,
                    VerificationInfoProvided.TYPE,
                    new VerificationInfoProvided(accountId, "case-" + accountId, "doc-answer", Instant.now()));
        }

        await().atMost(PROCESSED).until(() -> "PENDING_VERIFICATION".equals(status(accountId)));
        await().atMost(PROCESSED)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                                        + " AND payloadtype LIKE '%.AccountInfoProvided'",
                                Long.class, accountId))
                        .isEqualTo(1));
    }

    @Test
    void aRejectedApplicant_appliesAgainWithTheSameEmail_asANewAccount_whileAPendingOneStillBlocksIt() {
        String email = uniqueEmail("second-chance");
        String first = journey.apply(email, "en");
        HttpTestClient.Response whilePending =
                http.postJson("/api/accounts", HttpTestClient.json(journey.applicationBody(email, "en")), null);
        assertThat(whilePending.status()).as(whilePending.body()).isEqualTo(409);
        journey.reject(first, "The invoice is older than 3 months");
        awaitPublished(first, "cps.account.AccountRejected.v1");

        String second = journey.apply(email.toUpperCase(java.util.Locale.ROOT), "en");

        assertThat(second).isNotEqualTo(first);
        awaitPublished(second, "cps.account.AccountApplicationSubmitted.v1");
        await().atMost(PROCESSED).until(() -> "PENDING_VERIFICATION".equals(status(second)));
        assertThat(status(first)).isEqualTo("REJECTED");
        HttpTestClient.Response third =
                http.postJson("/api/accounts", HttpTestClient.json(journey.applicationBody(email, "en")), null);
        assertThat(third.status())
                .as("the new application holds the address now")
                .isEqualTo(409);
        assertThat(journey.setPassword(journey.verifyAndGetToken(second), "Correct horse 42")
                        .status())
                .isEqualTo(204);
        assertThat(journey.login(email, "Correct horse 42").status()).isEqualTo(200);
    }

    @Test
    void otherVerificationEvents_areIgnored() {
        String accountId = journey.apply(uniqueEmail("sla"), "en");
        double ignoredBefore = consumed("ignored", VerificationSlaBreached.TYPE);

        AccountJourney.send(
                accountId,
                UUID.randomUUID().toString(),
                VerificationSlaBreached.TYPE,
                new VerificationSlaBreached(accountId, "case-1", Instant.now(), Instant.now()));

        await().atMost(PROCESSED).until(() -> consumed("ignored", VerificationSlaBreached.TYPE) > ignoredBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, accountId))
                .as("only the application")
                .isEqualTo(1);
        await().atMost(PROCESSED).until(() -> "PENDING_VERIFICATION".equals(status(accountId)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private String status(String accountId) {
        HttpTestClient.Response response = http.get("/api/accounts/applications/" + accountId, null);
        return response.status() == 200 ? response.json().path("status").asString() : null;
    }

    private double consumed(String outcome) {
        return consumed(outcome, AccountVerified.TYPE);
    }

    private double consumed(String outcome, String type) {
        return meters
                .find("cps.events.consumed")
                .tag("consumer", "verificationEvents")
                .tag("type", type)
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
