package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a member does after day one, on the pages: MY ACCOUNT (details at once, a new contact e-mail only through the
 * link sent to it, a company change sent for verification, the password changed with this session kept); an
 * applicant answering an operator's request for information (in German) with a document; and after checkout the
 * points history, the price with VAT before PURCHASE, the next term's tier, a new card through the hosted card form,
 * and a credit note on the invoice.
 */
class SelfServiceBrowserIT {

    private static final Texts de = Texts.german();

    private Browser browser;
    private Browser operator;

    @AfterEach
    void close() {
        for (Browser b : new Browser[] {browser, operator}) {
            if (b != null) {
                b.screenshot("last");
                b.close();
            }
        }
    }

    @Test
    void myAccount_detailsEmailCompanyAndPassword() {
        Member member = Members.active("Northlight Films Ltd", "Nora North");
        browser = new Browser("self-service-account");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.press("MY ACCOUNT");
        String account = browser.landed("my account");
        assertThat(account).contains("Northlight Films Ltd", member.email(), "Country: United Kingdom");

        browser.fill("Contact name", "");
        browser.press("Save details");
        browser.landed("my account, name missing");
        assertThat(browser.errorAt("Contact name")).isEqualTo("Please enter the name of the contact person.");
        browser.fill("Contact name", "Nora Northcote");
        browser.fill("City", "Manchester");
        browser.press("Save details");
        assertThat(browser.landed("my account, details saved")).contains("Your details are saved.");
        assertThat(browser.named("Signed in as Nora Northcote").isDisplayed()).isTrue();
        assertThat(browser.control("City").getAttribute("value")).isEqualTo("Manchester");

        String newEmail = "nora.new." + System.nanoTime() + "@northlight.example";
        browser.fill("New e-mail", newEmail);
        browser.press("Send confirmation link");
        assertThat(browser.landed("my account, e-mail link sent"))
                .contains("We sent a link to " + newEmail + ". Your contact e-mail changes when you open it.");

        browser.fill("New company name", "Northlight Pictures Ltd");
        browser.press("Send for verification");
        assertThat(browser.landed("my account, company change sent"))
                .contains(
                        "Your change is sent for verification.", "A change of your company details is being verified.");
        browser.fill("New company name", "Northlight Again Ltd");
        browser.press("Send for verification");
        assertThat(browser.text()).contains("A change of your company details is already being verified.");

        browser.fill("Current password", "not-my-password-at-all");
        browser.fill("New password", "Brighter-Lens-2027");
        browser.fill("Repeat new password", "Brighter-Lens-2027");
        browser.press("Change password");
        browser.landed("my account, wrong current password");
        assertThat(browser.errorAt("Current password")).isEqualTo("This is not your current password.");
        browser.fill("Current password", member.password());
        browser.fill("New password", "Brighter-Lens-2027");
        browser.fill("Repeat new password", "Brighter-Lens-2027");
        browser.press("Change password");
        assertThat(browser.landed("my account, password changed")).contains("Your password is changed.");
        browser.press("MY PRODUCTS"); // this session stays signed in
        browser.see("MY PRODUCTS");

        // the link in the e-mail to the new address: the login name changes once it is opened
        browser.openUrl(Mails.awaitLink(newEmail, "confirm-email"));
        browser.landed("confirm e-mail");
        browser.press("Confirm my new e-mail address");
        assertThat(browser.landed("e-mail confirmed"))
                .contains("Your e-mail address is changed. Log in with the new address from now on.");
        browser.press("LOGOUT");
        browser.open("/login");
        browser.fill("E-mail", newEmail);
        browser.fill("Password", "Brighter-Lens-2027");
        browser.press("Log in");
        browser.see("MY PRODUCTS");
        browser.press("MY ACCOUNT");
        assertThat(browser.text()).contains(newEmail).doesNotContain(member.email());
    }

    @Test
    void informationRequest_answeredWithADocument_inGerman() throws IOException {
        BrowserPlatform.get();
        String run = Long.toHexString(System.nanoTime());
        String company = "Nachweiswerk " + run + " GmbH";
        String email = "nachweis." + run + "@werk.example";
        Members.applyWithDocument(company, email, "de");

        operator = new Browser("self-service-operator");
        operator.open("/login");
        operator.fill("E-mail", BrowserPlatform.get().operatorEmail());
        operator.fill("Password", BrowserPlatform.get().operatorPassword());
        operator.press("Log in");
        operator.reloadUntil(company, Duration.ofSeconds(30));
        operator.press(company);
        operator.fill("Message", "Bitte lade einen aktuellen Handelsregisterauszug hoch.");
        operator.press("Request information");
        assertThat(operator.landed("information requested")).contains("Information is requested from " + company);

        browser = new Browser("self-service-information-de", 1280, 1000, "de-DE");
        browser.openUrl(Mails.awaitLink(email, "apply/information"));
        String asked = browser.landed("angaben angefordert");
        assertThat(browser.heading()).isEqualTo(de.get("info.heading"));
        assertThat(asked).contains("Bitte lade einen aktuellen Handelsregisterauszug hoch.");
        browser.press(de.get("info.submit"));
        assertThat(browser.landed("angaben, nichts gewählt")).contains(de.get("info.error.documentType"));
        browser.select(de.get("apply.documentType"), de.get("document.TRADE_REGISTER_EXTRACT"));
        Path extract = Files.createTempFile("handelsregister", ".pdf");
        Files.write(extract, Members.PDF);
        browser.upload(de.get("apply.document"), extract);
        browser.press(de.get("info.submit"));
        assertThat(browser.landed("angaben gesendet")).contains(de.get("info.done"));
        browser.openUrl(Mails.awaitLink(email, "apply/information")); // the link works once
        assertThat(browser.landed("angaben, link verbraucht")).contains(de.get("info.invalid"));

        operator.open("/back-office/verification");
        operator.reloadUntil(company, Duration.ofSeconds(30));
        operator.press(company);
        operator.reloadUntil("The applicant sent the information asked for on", Duration.ofSeconds(30));
        String file = operator.landed("case with the answer");
        assertThat(file).contains("Extract from the trade register");
        operator.press("Approve");
        Mails.awaitPasswordLink(email, "set");
    }

    @Test
    void afterCheckout_pointsHistory_price_nextTier_newCard_andCreditNote() throws Exception {
        Member member = Members.active("Brightwater Media Ltd", "Ben Waters");
        String run = Integer.toHexString(member.email().hashCode());
        Members.product(member, "RF-600-F4L-IS-USM", "B600-" + run); // 620
        Members.product(member, "EOS-R1", "BR1-" + run); // 400: 1,020 points reach Gold for the next term
        browser = new Browser("self-service-membership");
        Members.logIn(browser, member);
        browser.reloadUntil("Points: 1,020", Duration.ofSeconds(30));
        browser.press("Points history");
        String history = browser.landed("points history");
        assertThat(history).contains("Product registered complete", "+620", "+400", "1,020");

        browser.press("MY SUBSCRIPTIONS");
        browser.reloadUntil("Available CPS tiers", Duration.ofSeconds(30));
        browser.press("Select Silver");
        String review = browser.landed("review with price");
        assertThat(review).contains("Net", "£85.00", "VAT 20 %", "£17.00", "Total per year", "£102.00");
        browser.check("Please accept the CPS Terms & Conditions");
        browser.press("PURCHASE");
        browser.choose("Credit Card");
        browser.press("CHECKOUT");
        payByCard("4242 4242 4242 4242");
        browser.see("SUBSCRIPTION ACTIVE");

        browser.select("Tier for the next term", "Gold – £170 excl. VAT per year");
        browser.press("Save tier");
        assertThat(browser.landed("dashboard, next tier saved")).contains("Your next term's tier is saved.");
        assertThat(browser.selected("Tier for the next term")).startsWith("Gold");

        browser.press("Change card");
        browser.landed("hosted card form, new card");
        payByCard("4242 4242 4242 4242"); // the test gateway knows its test cards only
        assertThat(browser.landed("dashboard, card verifying"))
                .contains("We are verifying your new card with a zero amount.");

        browser.reloadUntil("CPS-GB-", Duration.ofSeconds(30));
        String number = browser.text().replaceAll("(?s).*?(CPS-GB-\\d{4}-\\d{6}).*", "$1");
        String invoiceId = invoiceId(member, number);
        HttpTestClient.Response credited = Members.api()
                .postJson(
                        "/api/billing/invoices/" + invoiceId + "/credit-notes",
                        HttpTestClient.json(Map.of("reason", "Goodwill for a late repair", "amount", "20.00")),
                        Members.operatorToken());
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        String creditNote = credited.json().path("number").asString();

        browser.press(number);
        browser.reloadUntil("Credit notes", Duration.ofSeconds(30));
        String invoice = browser.landed("invoice with a credit note");
        assertThat(invoice).contains(creditNote, "£20.00 (Goodwill for a late repair)");
        String pdfUrl =
                browser.action("Download credit note " + creditNote + " as PDF").getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pdfUrl))
                                .header(
                                        "Cookie",
                                        "CPS_SESSION="
                                                + browser.cookies()
                                                        .get("CPS_SESSION")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains(creditNote + ".pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aRejectedApplicantAppliesAgainWithTheSameEmail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Member member = new Member(
                "Second Try Studio " + run, "Sam Second", "sam.second." + run + "@werkstatt.example", "unused");
        Members.applyWithDocument(member.company(), member.email(), "en");
        String operator = Members.operatorToken();
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var c : Members.api().get("/api/verification/cases", operator).json()) {
                if (c.path("companyName").asString().equals(member.company())) {
                    caseId[0] = c.path("caseId").asString();
                }
            }
            assertThat(caseId[0]).as("the case of " + member.company()).isNotNull();
        });
        HttpTestClient.Response rejected = Members.api()
                .postJson(
                        "/api/verification/cases/" + caseId[0] + "/decision",
                        HttpTestClient.json(Map.of("decision", "REJECT", "reason", "The invoice is not legible.")),
                        operator);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(BrowserPlatform.mailTo(member.email()))
                        .anySatisfy(m -> assertThat(m.text()).contains("The invoice is not legible.")));

        browser = new Browser("self-service-reapply");
        browser.open("/apply?lang=en");
        SeedJourneyBrowserIT.apply(browser, member);
        browser.landed("applied again");
        assertThat(browser.heading()).isEqualTo("We have received your application");
        Mails.awaitPasswordLink(member.email(), "set");
    }

    private void payByCard(String cardNumber) {
        browser.fill("Card number", cardNumber);
        browser.fill("Expiry (MM/YY)", "12/34");
        browser.fill("CVC", "123");
        browser.press("Authorise");
    }

    private static String invoiceId(Member member, String number) {
        String token = Members.token(member);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var invoice : Members.api().get("/api/invoices", token).json()) {
                if (invoice.path("number").asString().equals(number)) {
                    id[0] = invoice.path("invoiceId").asString();
                }
            }
            assertThat(id[0]).as("invoice " + number).isNotNull();
        });
        return id[0];
    }
}
