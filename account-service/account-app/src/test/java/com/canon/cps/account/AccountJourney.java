package com.canon.cps.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestInfrastructure;
import com.canon.cps.verification.contract.AccountVerificationRejected;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives account-service from outside as its neighbours do: applicants over HTTP, verification-service through
 * {@code cps.verification.events}; reads what it publishes on {@code cps.account.events}.
 */
public final class AccountJourney {

    public static final String ACCOUNT_TOPIC = "cps.account.events";
    public static final String VERIFICATION_TOPIC = "cps.verification.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    /** What notification-service holds: the key account-service seals link tokens and codes with (ADR 20). */
    private static final SealedSecrets NOTIFICATION_KEYS =
            SealedSecrets.fromSetting("cps.notification.seal-keys.account", TestInfrastructure.ACCOUNT_SEAL_KEY);

    private final HttpTestClient http;

    public AccountJourney(HttpTestClient http) {
        this.http = http;
    }

    /** An applicant as the docs/api.md sample, with its own e-mail; returns the account id. */
    public String apply(String email, String language) {
        HttpTestClient.Response created =
                http.postJson("/api/accounts", HttpTestClient.json(applicationBody(email, language)), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("accountId").asString();
    }

    /** The docs/api.md sample application with its own e-mail (and old CPS e-mail {@code old.<email>}). */
    public Map<String, Object> applicationBody(String email, String language) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "1 High St");
        address.put("postalCode", "SW1A 1AA");
        address.put("city", "London");
        address.put("country", "GB");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", "Lumen Studio Ltd");
        body.put("address", address);
        body.put("contactName", "Ada Lumen");
        body.put("contactEmail", email);
        body.put("language", language);
        body.put("vatLiable", true);
        body.put("vatId", "GB980780684");
        body.put("evidenceDocumentIds", List.of("doc-" + UUID.randomUUID()));
        body.put("legacyCpsEmail", "old." + email);
        body.put("authorisedToApply", true);
        return body;
    }

    /** verification-service approves; returns the {@code ce_id} used (send it again to simulate redelivery). */
    public String verify(String accountId) {
        String ceId = UUID.randomUUID().toString();
        verify(accountId, ceId);
        return ceId;
    }

    public void verify(String accountId, String ceId) {
        send(
                accountId,
                ceId,
                AccountVerified.TYPE,
                new AccountVerified(
                        accountId,
                        "case-" + accountId,
                        "REGISTRY_POLICY",
                        new RegistryEvidence("HMRC", "GB980780684", "HMRC-123", Instant.now()),
                        Instant.now()));
    }

    public void reject(String accountId, String reason) {
        send(
                accountId,
                UUID.randomUUID().toString(),
                AccountVerificationRejected.TYPE,
                new AccountVerificationRejected(accountId, "case-" + accountId, reason, Instant.now()));
    }

    public void requestInfo(String accountId, String reason) {
        send(
                accountId,
                UUID.randomUUID().toString(),
                VerificationInfoRequestedV2.TYPE,
                new VerificationInfoRequestedV2(accountId, "case-" + accountId, reason, Instant.now(), null, null));
    }

    public static void send(String accountId, String ceId, String type, Object payload) {
        KafkaTestClient.send(VERIFICATION_TOPIC, accountId, ceId, type, HttpTestClient.json(payload));
    }

    /** Waits for the account's first published record of {@code ceType}; returns its payload. */
    public static JsonNode awaitPublished(String accountId, String ceType) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                ACCOUNT_TOPIC,
                r -> accountId.equals(r.key()) && ceType.equals(KafkaTestClient.header(r, "ce_type")),
                PUBLISHED);
        ConsumerRecord<String, byte[]> last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        assertThat(last).as("a " + ceType + " record for " + accountId).isNotNull();
        assertThat(KafkaTestClient.header(last, "ce_type"))
                .as("a " + ceType + " record for " + accountId)
                .isEqualTo(ceType);
        return opened(last);
    }

    /**
     * The record's payload as notification-service reads it: a sealed {@code sealedToken} (or {@code sealedCode}) is
     * opened with notification-service's key, bound to the record's {@code ce_type} and {@code ce_id}, and the secret
     * added as {@code token} (or {@code code}). The record itself carries only the sealed value.
     */
    public static JsonNode opened(ConsumerRecord<String, byte[]> record) {
        JsonNode payload = JSON.readTree(record.value());
        if (payload instanceof ObjectNode object) {
            String context = SealedSecrets.eventContext(
                    KafkaTestClient.header(record, "ce_type"), KafkaTestClient.header(record, "ce_id"));
            if (object.hasNonNull("sealedToken")) {
                object.put(
                        "token",
                        NOTIFICATION_KEYS.open(object.path("sealedToken").asString(), context));
            }
            if (object.hasNonNull("sealedCode")) {
                object.put(
                        "code", NOTIFICATION_KEYS.open(object.path("sealedCode").asString(), context));
            }
        }
        return payload;
    }

    /** The link token of the first PasswordSetupIssued record for the account whose token matches. */
    public static String awaitPublishedToken(String accountId, java.util.function.Predicate<String> tokenMatches) {
        return awaitPublishedToken(accountId, "cps.account.PasswordSetupIssued.v2", tokenMatches);
    }

    /** The link token of the first record of {@code type} (a setup or reset link) for the account whose token matches. */
    public static String awaitPublishedToken(
            String accountId, String type, java.util.function.Predicate<String> tokenMatches) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                ACCOUNT_TOPIC,
                r -> accountId.equals(r.key())
                        && type.equals(KafkaTestClient.header(r, "ce_type"))
                        && tokenMatches.test(opened(r).path("token").asString()),
                PUBLISHED);
        assertThat(seen).as("a matching " + type + " for " + accountId).isNotEmpty();
        JsonNode last = opened(seen.get(seen.size() - 1));
        assertThat(tokenMatches.test(last.path("token").asString()))
                .as("a matching " + type)
                .isTrue();
        return last.path("token").asString();
    }

    /** The ce_types published for the account so far, in order, up to and including the first {@code untilType}. */
    public static List<String> publishedTypes(String accountId, String untilType) {
        return KafkaTestClient.readUntil(
                        ACCOUNT_TOPIC,
                        r -> accountId.equals(r.key()) && untilType.equals(KafkaTestClient.header(r, "ce_type")),
                        PUBLISHED)
                .stream()
                .filter(r -> accountId.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, "ce_type"))
                .toList();
    }

    /** Verifies the account and returns the setup-link token from the published PasswordSetupIssued. */
    public String verifyAndGetToken(String accountId) {
        verify(accountId);
        return awaitPublished(accountId, "cps.account.PasswordSetupIssued.v2")
                .path("token")
                .asString();
    }

    public HttpTestClient.Response setPassword(String token, String password) {
        return http.postJson(
                "/api/accounts/password", HttpTestClient.json(Map.of("token", token, "password", password)), null);
    }

    public HttpTestClient.Response login(String email, String password) {
        return http.postJson(
                "/api/auth/login", HttpTestClient.json(Map.of("email", email, "password", password)), null);
    }

    /** An applicant who was verified and set {@code password}: an ACTIVE member; returns the account id. */
    public String activeMember(String email, String password) {
        String accountId = apply(email, "en");
        HttpTestClient.Response set = setPassword(verifyAndGetToken(accountId), password);
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        return accountId;
    }

    public HttpTestClient.Response refresh(String refreshToken) {
        return http.postJson("/api/auth/refresh", HttpTestClient.json(Map.of("refreshToken", refreshToken)), null);
    }

    public HttpTestClient.Response logout(String refreshToken) {
        return http.postJson("/api/auth/logout", HttpTestClient.json(Map.of("refreshToken", refreshToken)), null);
    }

    public HttpTestClient.Response requestPasswordReset(String email) {
        return http.postJson("/api/auth/password-reset", HttpTestClient.json(Map.of("email", email)), null);
    }

    /** Logs in and returns the whole answer's body (access and refresh token). */
    public JsonNode signIn(String email, String password) {
        HttpTestClient.Response login = login(email, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }

    /** The ce_ids of the account's published records of {@code ceType} so far (reads the topic from the start). */
    public static long publishedCount(String accountId, String ceType, Duration within) {
        return KafkaTestClient.readUntil(ACCOUNT_TOPIC, r -> false, within).stream()
                .filter(r -> accountId.equals(r.key()) && ceType.equals(KafkaTestClient.header(r, "ce_type")))
                .count();
    }

    /** Waits for the account's published record of {@code ceType} whose payload matches; returns that payload. */
    public static JsonNode awaitPublished(
            String accountId, String ceType, java.util.function.Predicate<JsonNode> matches) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                ACCOUNT_TOPIC,
                r -> accountId.equals(r.key())
                        && ceType.equals(KafkaTestClient.header(r, "ce_type"))
                        && matches.test(opened(r)),
                PUBLISHED);
        assertThat(seen).as("a matching " + ceType + " for " + accountId).isNotEmpty();
        JsonNode last = opened(seen.get(seen.size() - 1));
        assertThat(matches.test(last)).as("a matching " + ceType).isTrue();
        return last;
    }

    public static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID() + "@lumen.example";
    }
}
