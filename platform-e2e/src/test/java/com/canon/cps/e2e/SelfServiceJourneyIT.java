package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.HttpTestClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A member's own changes after the first day (issue 15, part A), through the entry point and the real broker, with
 * every e-mail read from the local SMTP server: the password changed with the current one; contact name and language
 * at once, a new contact e-mail only with the link sent to it; a new company name reviewed by an operator as a CHANGE
 * case; the old CPS e-mail proven with the code sent there before MIGRATE PRODUCTS is offered; a rejected applicant
 * applying again with the same address; an applicant asked for information answering with a document; VAT IDs as
 * people type them.
 */
class SelfServiceJourneyIT {

    private static final String PASSWORD = Journeys.PASSWORD;
    private static final String NEW_PASSWORD = "Lumen-Studio-2027-changed";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CODE = Pattern.compile("(?:Your code|Dein Code): ([0-9]{6})");

    static HttpTestClient http;
    static String operator;

    @BeforeAll
    static void platform() {
        SharedPlatform.get();
        http = SharedPlatform.http();
        operator = SharedPlatform.operatorToken();
    }

    @Test
    void passwordChange_endsTheOtherSessions_keepsThisOne_andTellsTheMember() {
        String email = unique("pw");
        String accountId = verifiedMember(email, null);
        JsonNode laptop = signIn(email, PASSWORD);
        JsonNode phone = signIn(email, PASSWORD);

        HttpTestClient.Response changed = http.postJson(
                "/api/accounts/me/password",
                HttpTestClient.json(Map.of(
                        "currentPassword", PASSWORD,
                        "newPassword", NEW_PASSWORD,
                        "keepRefreshToken", laptop.path("refreshToken").asString())),
                laptop.path("accessToken").asString());

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(Journeys.login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(Journeys.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(refresh(phone).status()).isEqualTo(401);
        assertThat(refresh(laptop).status()).isEqualTo(200);
        CapturedMail told = awaitMail(email, "The password of your Canon Business Account was changed");
        assertThat(told.text()).doesNotContain("token=");
        JsonNode wrong = http.postJson(
                        "/api/accounts/me/password",
                        HttpTestClient.json(Map.of("currentPassword", PASSWORD, "newPassword", "Another-one-2028")),
                        signIn(email, NEW_PASSWORD).path("accessToken").asString())
                .json();
        assertThat(wrong.path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertThat(accountId).isNotBlank();
    }

    @Test
    void myAccount_detailsAtOnce_andANewContactEmailOnlyWithTheLinkSentToIt() {
        String email = unique("me");
        verifiedMember(email, null);
        String token = signIn(email, PASSWORD).path("accessToken").asString();
        String newEmail = unique("me-new");

        HttpTestClient.Response accepted = http.patchJson(
                "/api/accounts/me",
                HttpTestClient.json(Map.of("contactName", "Ada Byron", "language", "de", "contactEmail", newEmail)),
                token);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("contactName").asString()).isEqualTo("Ada Byron");
            assertThat(me.path("language").asString()).isEqualTo("de");
            assertThat(me.path("contactEmail").asString()).isEqualTo(email);
            assertThat(me.path("pendingContactEmail").asString()).isEqualTo(newEmail);
        });
        CapturedMail confirmation = awaitMail(newEmail, "Bitte bestätige deine neue E-Mail-Adresse");
        assertThat(confirmation.text()).startsWith("Hallo Ada Byron,").contains("/confirm-email?token=");
        assertThat(Journeys.login(newEmail, PASSWORD).status())
                .as("not before the link is used")
                .isEqualTo(401);

        HttpTestClient.Response confirmed = http.postJson(
                "/api/accounts/me/email-confirmation", HttpTestClient.json(Map.of("token", token(confirmation))), null);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        assertThat(Journeys.login(newEmail, PASSWORD).status()).isEqualTo(200);
        assertThat(Journeys.login(email, PASSWORD).status()).isEqualTo(401);
        awaitMail(email, "Die E-Mail-Adresse deines Canon Business Accounts wurde geändert");
        await().atMost(WAIT)
                .until(
                        () -> http.get("/api/accounts/me", token)
                                .json()
                                .path("contactEmail")
                                .asString(),
                        newEmail::equals);
        assertThat(http.postJson(
                                "/api/accounts/me/email-confirmation",
                                HttpTestClient.json(Map.of("token", token(confirmation))),
                                null)
                        .status())
                .as("single use")
                .isEqualTo(400);
    }

    @Test
    void companyChange_isReviewedByAnOperator_andAppliesWhenApproved_orIsToldWhenRejected() {
        String email = unique("company");
        String accountId = verifiedMember(email, null);
        String token = signIn(email, PASSWORD).path("accessToken").asString();

        HttpTestClient.Response requested = http.postJson(
                "/api/accounts/me/company-change",
                HttpTestClient.json(Map.of("companyName", "Lumen Studio Group Ltd")),
                token);

        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String changeId = requested.json().path("changeId").asString();
        JsonNode changeCase = awaitCase(
                accountId,
                c -> c.path("kind").asString().equals("CHANGE")
                        && c.path("status").asString().equals("IN_REVIEW"));
        assertThat(changeCase.path("changeId").asString()).isEqualTo(changeId);
        assertThat(changeCase.path("previousCompanyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(http.get("/api/accounts/me", token)
                        .json()
                        .path("companyName")
                        .asString())
                .as("not before verification")
                .isEqualTo("Lumen Studio Ltd");
        assertThat(decide(changeCase.path("caseId").asString(), "APPROVE", null).status())
                .isEqualTo(202);
        await().atMost(WAIT)
                .until(
                        () -> http.get("/api/accounts/me", token)
                                .json()
                                .path("companyName")
                                .asString(),
                        "Lumen Studio Group Ltd"::equals);
        awaitMail(email, "Your company details were changed");

        String again = http.postJson(
                        "/api/accounts/me/company-change",
                        HttpTestClient.json(Map.of("companyName", "Canon Europe Ltd")),
                        token)
                .json()
                .path("changeId")
                .asString();
        JsonNode second =
                awaitCase(accountId, c -> again.equals(c.path("changeId").asString()));
        assertThat(decide(second.path("caseId").asString(), "REJECT", "Not your company")
                        .status())
                .isEqualTo(202);
        CapturedMail refused = awaitMail(email, "Your change of company details was not accepted");
        assertThat(refused.text()).contains("Not your company");
        assertThat(http.get("/api/accounts/me", token)
                        .json()
                        .path("companyName")
                        .asString())
                .isEqualTo("Lumen Studio Group Ltd");
    }

    @Test
    void theOldCpsEmail_mustBeProvenWithTheCodeSentThere_beforeItsProductsCanBeMigrated() {
        String email = unique("legacy");
        String oldEmail = unique("legacy-old");
        verifiedMember(email, oldEmail);
        String token = signIn(email, PASSWORD).path("accessToken").asString();
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpTestClient.Response imported = http.post(
                "/api/products/legacy-registrations",
                "text/csv",
                "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n" + oldEmail
                        + ",EOS-5D-MARK-III,5D3-" + run + ",2019-05-01,GB,Jessops\n",
                operator);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        CapturedMail codeMail = awaitMail(oldEmail, "Your code for the old CPS e-mail address");

        JsonNode unproven = http.get("/api/products/migration", token).json();
        assertThat(unproven.path("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(unproven.path("legacyProductCount").asInt())
                .as("nothing told before the proof")
                .isZero();
        assertThat(http.postJson("/api/products/migration", "{}", token).status())
                .isEqualTo(409);
        assertThat(confirmCode(token, "000000".equals(code(codeMail)) ? "111111" : "000000")
                        .status())
                .isEqualTo(400);

        assertThat(confirmCode(token, code(codeMail)).status()).isEqualTo(204);

        await().atMost(WAIT)
                .until(
                        () -> http.get("/api/products/migration", token)
                                .json()
                                .path("status")
                                .asString(),
                        "AVAILABLE"::equals);
        assertThat(http.postJson("/api/products/migration", "{}", token).status())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> http.get("/api/products", token).json().size() == 1);
        await().atMost(WAIT)
                .until(() -> http.get("/api/accounts/me", token)
                        .json()
                        .path("legacyCpsEmailConfirmed")
                        .asBoolean());
    }

    @Test
    void aRejectedApplicant_appliesAgainWithTheSameEmail_asANewAccount() {
        String email = unique("again");
        String first = Journeys.apply(Applications.deNonVat("Zweiter Versuch GmbH", email), "COMMERCIAL_INVOICE");
        String caseId = awaitCase(first, c -> true).path("caseId").asString();
        assertThat(decide(caseId, "REJECT", "Die Rechnung ist älter als 3 Monate")
                        .status())
                .isEqualTo(202);
        awaitMail(email, "Dein Antrag auf einen Business Account wurde abgelehnt");

        String second = Journeys.apply(Applications.deNonVat("Zweiter Versuch GmbH", email), "COMMERCIAL_INVOICE");

        assertThat(second).isNotEqualTo(first);
        assertThat(status(first)).isEqualTo("REJECTED");
        await().atMost(WAIT).until(() -> "PENDING_VERIFICATION".equals(status(second)));
        String secondCase = awaitCase(second, c -> true).path("caseId").asString();
        assertThat(decide(secondCase, "APPROVE", null).status()).isEqualTo(202);
        String setup = awaitLink(email, "/set-password?token=");
        assertThat(Journeys.setPassword(setup, PASSWORD).status()).isEqualTo(204);
        assertThat(Journeys.login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anApplicantAskedForInformation_answersWithADocument_andTheCaseReturnsToTheQueue() {
        String email = unique("info");
        String accountId = Journeys.apply(Applications.deNonVat("Nachweis GmbH", email), "COMMERCIAL_INVOICE");
        String caseId = awaitCase(accountId, c -> c.path("status").asString().equals("IN_REVIEW"))
                .path("caseId")
                .asString();
        String message = "Bitte lade eine Rechnung hoch, die nicht älter als 3 Monate ist";
        assertThat(decide(caseId, "REQUEST_INFO", message).status()).isEqualTo(202);

        String link = awaitLink(email, "/apply/information?token=");
        JsonNode request =
                http.get("/api/verification/information-requests/" + link, null).json();
        assertThat(request.path("caseId").asString()).isEqualTo(caseId);
        assertThat(request.path("message").asString()).isEqualTo(message);
        assertThat(request.path("companyName").asString()).isEqualTo("Nachweis GmbH");
        await().atMost(WAIT).until(() -> "INFO_REQUESTED".equals(status(accountId)));
        HttpTestClient.Response upload = http.postMultipart(
                "/api/verification/documents",
                "rechnung.pdf",
                "application/pdf",
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                Map.of("type", "COMMERCIAL_INVOICE"),
                null);
        String documentId = upload.json().path("documentId").asString();

        HttpTestClient.Response answered = http.postJson(
                "/api/verification/cases/" + caseId + "/documents",
                HttpTestClient.json(Map.of("documentId", documentId, "token", link)),
                null);

        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        JsonNode back = awaitCase(accountId, c -> c.path("status").asString().equals("IN_REVIEW"));
        assertThat(back.path("documents").toString()).contains(documentId);
        JsonNode queue =
                http.get("/api/verification/cases?status=IN_REVIEW", operator).json();
        assertThat(queue.toString()).contains(caseId);
        await().atMost(WAIT).until(() -> "PENDING_VERIFICATION".equals(status(accountId)));
        assertThat(http.postJson(
                                "/api/verification/cases/" + caseId + "/documents",
                                HttpTestClient.json(Map.of("documentId", documentId, "token", link)),
                                null)
                        .status())
                .as("single use")
                .isEqualTo(400);
        assertThat(decide(caseId, "APPROVE", null).status()).isEqualTo(202);
        awaitLink(email, "/set-password?token=");
    }

    @Test
    void vatIdsAsPeopleTypeThem_throughTheEntryPoint() {
        for (String path : List.of(
                "/api/verification/vat-ids/CZ%20640229%2F4448", "/api/verification/vat-ids?vatId=CZ%20640229%2F4448")) {
            HttpTestClient.Response check = http.get(path, null);
            assertThat(check.status()).as(path + ": " + check.body()).isEqualTo(200);
            assertThat(check.json().path("normalised").asString()).isEqualTo("CZ6402294448");
            assertThat(check.json().path("valid").asBoolean()).isTrue();
        }
        assertThat(http.get("/api/verification/vat-ids", null).contentType()).startsWith("application/problem+json");

        String email = unique("athens");
        Map<String, Object> greek = new HashMap<>(Applications.gbVatLiable("Lumen AE", email));
        greek.put("address", Map.of("line1", "Ermou 1", "postalCode", "105 63", "city", "Athina", "country", "GR"));
        greek.put("vatId", "GR 094259216");
        String accountId = Journeys.apply(greek, "VAT_CERTIFICATE");
        JsonNode greekCase = awaitCase(accountId, c -> true);
        assertThat(greekCase.path("vatId").asString()).isEqualTo("EL094259216");
        assertThat(greekCase.path("country").asString()).isEqualTo("EL");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** A GB company verified by the registry policy, with its password set; returns the account id. */
    private static String verifiedMember(String email, String legacyEmail) {
        Map<String, Object> application = new HashMap<>(Applications.gbVatLiable("Lumen Studio Ltd", email));
        if (legacyEmail != null) {
            application.put("legacyCpsEmail", legacyEmail);
        }
        String accountId = Journeys.apply(application, "VAT_CERTIFICATE");
        HttpTestClient.Response set = Journeys.setPassword(awaitLink(email, "/set-password?token="), PASSWORD);
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        return accountId;
    }

    private static JsonNode signIn(String email, String password) {
        HttpTestClient.Response login = Journeys.login(email, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }

    private static HttpTestClient.Response refresh(JsonNode session) {
        return http.postJson(
                "/api/auth/refresh",
                HttpTestClient.json(
                        Map.of("refreshToken", session.path("refreshToken").asString())),
                null);
    }

    private static HttpTestClient.Response confirmCode(String token, String code) {
        return http.postJson(
                "/api/accounts/me/legacy-email/confirmation", HttpTestClient.json(Map.of("code", code)), token);
    }

    private static HttpTestClient.Response decide(String caseId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return http.postJson("/api/verification/cases/" + caseId + "/decision", HttpTestClient.json(body), operator);
    }

    private static JsonNode awaitCase(String accountId, java.util.function.Predicate<JsonNode> matches) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            for (JsonNode c : http.get("/api/verification/cases?accountId=" + accountId, operator)
                                    .json()) {
                                if (matches.test(c)) {
                                    return c;
                                }
                            }
                            return null;
                        },
                        c -> c != null);
    }

    private static String status(String accountId) {
        return http.get("/api/accounts/applications/" + accountId, null)
                .json()
                .path("status")
                .asString();
    }

    private static CapturedMail awaitMail(String email, String subject) {
        return await().atMost(WAIT)
                .until(
                        () -> Journeys.mails(email).stream()
                                .filter(m -> subject.equals(m.subject()))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** The token of the newest e-mail to {@code email} with a link to {@code page}. */
    private static String awaitLink(String email, String page) {
        Pattern link = Pattern.compile(Pattern.quote(page) + "([A-Za-z0-9_\\-.~%]+)");
        return await().atMost(WAIT)
                .until(
                        () -> Journeys.mails(email).stream()
                                .map(m -> link.matcher(m.text()))
                                .filter(Matcher::find)
                                .map(m -> URLDecoder.decode(m.group(1), StandardCharsets.UTF_8))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private static String token(CapturedMail mail) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_\\-.~%]+)").matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String code(CapturedMail mail) {
        Matcher m = CODE.matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return m.group(1);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@lumen.example";
    }
}
