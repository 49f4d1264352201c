package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The operators' back office in the browser, each with the role the work needs: a REVIEWER works the verification
 * queue (approves a case after looking at its document, rejects one with a reason; the applicants get their e-mails;
 * the case shows who decided) and may not rebuild; a BILLING operator imports a camt.053 bank statement and sees the
 * payment matched to its invoice; an ADMIN rebuilds a projection while members keep reading, watching the progress
 * bar reach the end, and manages the operator accounts.
 */
class BackOfficeBrowserIT {

    @TempDir
    Path files;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void anOperatorWorksTheQueue_importsAStatement_andRebuildsAProjection() throws Exception {
        BrowserPlatform.get();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String approveEmail = "approve." + run + "@werkstatt.example";
        String rejectEmail = "reject." + run + "@werkstatt.example";
        Members.applyWithDocument("Werkstatt Nord " + run, approveEmail, "en");
        Members.applyWithDocument("Werkstatt Süd " + run, rejectEmail, "en");
        Member payer = Members.active("Ledger Studio Ltd", "Lee Ledger");
        JsonNode invoice = Members.bankTransferInvoice(payer);

        String reviewerEmail = "rex." + run + "@cps.local";
        String reviewerPassword = Members.createOperator(reviewerEmail, "Rex Reviewer", "REVIEWER");
        String billingEmail = "bill." + run + "@cps.local";
        String billingPassword = Members.createOperator(billingEmail, "Bill Billing", "BILLING");

        browser = new Browser("back-office");
        logIn(reviewerEmail, reviewerPassword);
        String queue = browser.landed("verification queue");
        assertThat(queue)
                .contains("Werkstatt Nord " + run, "Werkstatt Süd " + run)
                .containsPattern("\\d+ open case");
        assertThat(browser.hasAction("MY PRODUCTS")).isFalse();

        browser.select("Country", "Germany");
        browser.press("Filter");
        assertThat(browser.text()).contains("Werkstatt Nord " + run).doesNotContain("Ledger Studio");

        browser.press("Werkstatt Nord " + run);
        String file = browser.landed("case");
        assertThat(file).contains("Commercial invoice", "Not checked (no VAT ID)", "Submitted on");
        assertThat(browser.named("Document 1").getTagName()).isEqualTo("iframe");
        browser.press("Approve");
        browser.see("is approved");
        browser.landed("queue after approval");
        Mails.awaitPasswordLink(approveEmail, "set");

        browser.press("Werkstatt Süd " + run);
        String rejectedCase = browser.path();
        browser.press("Reject");
        browser.see("Please give a reason");
        browser.fill("Reason", "The licence shown belongs to another company.");
        browser.press("Reject");
        browser.see("is rejected");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(BrowserPlatform.mailTo(rejectEmail))
                        .anySatisfy(m -> assertThat(m.text()).contains("belongs to another company")));
        browser.open(rejectedCase);
        assertThat(browser.landed("rejected case with its operator actions"))
                .contains("Operator actions", "rejected by Rex Reviewer (" + reviewerEmail + ")");

        // a REVIEWER may read the operations but not rebuild
        browser.press("Operations");
        browser.press("Rebuild membership memberships");
        assertThat(browser.landed("rebuild refused to a reviewer"))
                .contains("Only an administrator may start or cancel a rebuild.");
        browser.press("LOGOUT");

        logIn(billingEmail, billingPassword);
        browser.press("Invoices");
        assertThat(browser.landed("invoices"))
                .contains("Open and overdue invoices", invoice.path("number").asString(), "Ledger Studio Ltd");
        assertThat(browser.hasAction("Mark " + invoice.path("number").asString() + " paid"))
                .isTrue();
        Path statement = files.resolve("statement.xml");
        Files.writeString(
                statement,
                camt053(
                        invoice.path("paymentReference").asString(),
                        invoice.path("gross").path("amount").asString()));
        browser.upload("Bank statement (camt.053 XML)", statement);
        browser.press("Import bank statement");
        String imported = browser.landed("statement imported");
        assertThat(imported)
                .contains(
                        "1 matched, 0 unmatched, 0 duplicates",
                        invoice.path("number").asString(),
                        "Matched");
        // the page names who did it, on the invoice it touched
        assertThat(imported)
                .contains(
                        "payment booked from a bank statement ("
                                + invoice.path("number").asString() + ") by Bill Billing (" + billingEmail + ")",
                        "bank statement imported by Bill Billing");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(Members.api()
                                .get(
                                        "/api/invoices/"
                                                + invoice.path("invoiceId").asString(),
                                        Members.token(payer))
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("PAID"));

        Path legacy = files.resolve("legacy.csv");
        Files.writeString(
                legacy,
                "legacyEmail;modelCode;serialNumber;purchaseDate;countryOfPurchase;dealer\n"
                        + "old." + run + "@werkstatt.example;EOS-R5;R5-OLD-" + run + ";2021-03-10;DE;Foto Koch\n"
                        + "old." + run + "@werkstatt.example;EOS-R5;R5-BAD-" + run + ";not a date;DE;Foto Koch\n");
        browser.upload("Legacy CPS export (CSV)", legacy);
        browser.press("Import registrations");
        assertThat(browser.landed("legacy registrations imported"))
                .contains(
                        "1 imported, 0 already imported, 1 rejected",
                        "Line 3:",
                        "legacy CPS registrations imported by Bill Billing");
        browser.press("LOGOUT");

        logIn(BrowserPlatform.get().operatorEmail(), BrowserPlatform.get().operatorPassword());
        browser.press("Operations");
        String operations = browser.landed("operations");
        assertThat(browser.heading()).isEqualTo("Operations");
        assertThat(operations).contains("memberships", "invoices", "No dead letters");
        String memberToken = Members.token(payer);
        browser.press("Rebuild membership memberships");
        browser.landed("rebuild");
        for (int i = 0; i < 5; i++) { // members keep reading while it runs
            assertThat(Members.api()
                            .get("/api/membership", memberToken)
                            .json()
                            .path("status")
                            .asString())
                    .isIn("ACTIVE", "INVITED");
        }
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.text().contains("SWITCHED"));
        assertThat(browser.progress()).isEqualTo("100");
        assertThat(browser.landed("rebuild switched")).contains("Operator actions", "rebuild started by");
        browser.press("Operations");
        assertThat(browser.landed("operations after the rebuild")).contains("Last: rebuild started by");
    }

    @Test
    void anAdminCreatesAReviewer_findsAMember_andSendsANewLink_theReviewerSeesOnlyWhatTheRoleAllows() {
        BrowserPlatform.get();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "lost.link." + run + "@werkstatt.example";
        applyWithVatId("Linkless Studio " + run, email);
        Mails.awaitPasswordLink(email, "set");

        browser = new Browser("back-office-admin");
        browser.open("/login?lang=en");
        browser.fill("E-mail", BrowserPlatform.get().operatorEmail());
        browser.fill("Password", BrowserPlatform.get().operatorPassword());
        browser.press("Log in");
        browser.see("Verification queue");

        browser.press("Members");
        browser.fill("Search members", "Linkless Studio " + run);
        browser.press("Search");
        assertThat(browser.landed("member search")).contains("1 member found", email);
        browser.press("Linkless Studio " + run);
        assertThat(browser.landed("member")).contains(email, "GB980780684", "No open or overdue invoices.");
        browser.press("Send a new password-setup link");
        assertThat(browser.landed("member, link sent"))
                .contains(
                        "A new password-setup link is on its way to " + email,
                        "password link sent again by " + BrowserPlatform.get().operatorEmail());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> BrowserPlatform.mailTo(email).stream()
                                .filter(m -> m.text().contains("/set-password?token="))
                                .count()
                        == 2);
        Member active = Members.active("Productive Studio " + run + " Ltd", "Pia Product");
        Members.product(active, "EOS-R5", "R5-BO-" + run);
        browser.press("Back to the member search");
        browser.fill("Search members", active.email());
        browser.press("Search");
        browser.press(active.company());
        browser.reloadUntil("Products and points (280 points)", Duration.ofSeconds(30));
        assertThat(browser.landed("member with products"))
                .contains("EOS R5", "R5-BO-" + run, "No membership (fewer than 500 points)", "Sent to the member")
                .doesNotContain("This part cannot be shown right now.");
        browser.open("/back-office/members/x");
        assertThat(browser.landed("no such member")).contains("Page not found");
        browser.open("/back-office/members");
        browser.fill("Search members", "x");
        browser.press("Search");
        assertThat(browser.errorAt("Search members")).isEqualTo("Please enter at least 2 characters.");

        browser.press("Operators");
        String reviewerEmail = "rita." + run + "@cps.local";
        browser.press("Create operator");
        assertThat(browser.landed("operators, nothing given"))
                .contains("Please give the e-mail, the name and at least one role.");
        browser.fill("E-mail", reviewerEmail);
        browser.fill("Name", "Rita Reviewer");
        browser.check("Reviewer");
        browser.press("Create operator");
        String created = browser.landed("operator created");
        assertThat(created).contains("The operator Rita Reviewer (" + reviewerEmail + ") is created.");
        String password = browser.driver()
                .findElement(org.openqa.selenium.By.cssSelector("[role=status] code"))
                .getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);

        Browser reviewer = new Browser("back-office-reviewer", 1280, 900, "de");
        try {
            reviewer.open("/login?lang=de");
            reviewer.fill("E-Mail", reviewerEmail);
            reviewer.fill("Passwort", password);
            reviewer.press("Anmelden");
            reviewer.see("Prüfwarteschlange");
            assertThat(reviewer.hasAction("Operatoren")).isFalse();
            reviewer.open("/back-office/operators");
            assertThat(reviewer.landed("operatoren, nicht erlaubt")).contains("Nicht erlaubt");
            assertThat(reviewer.hasAction("ABMELDEN")).as("still signed in").isTrue();
        } finally {
            reviewer.close();
        }

        browser.open("/back-office/operators");
        browser.press("Disable Rita Reviewer");
        assertThat(browser.landed("operator disabled")).contains("The operator is disabled and signed out.");
        HttpTestClient.Response refused = Members.api()
                .postJson(
                        "/api/auth/login",
                        HttpTestClient.json(Map.of("email", reviewerEmail, "password", password)),
                        null);
        assertThat(refused.status()).isEqualTo(401);
    }

    private void logIn(String email, String password) {
        browser.open("/login?lang=en");
        browser.fill("E-mail", email);
        browser.fill("Password", password);
        browser.press("Log in");
        browser.see("Verification queue");
    }

    /** A GB business with a VAT ID: approved by the registry policy at once; its password is never set here. */
    private static void applyWithVatId(String company, String email) {
        HttpTestClient.Response applied = Members.api()
                .postJson(
                        "/api/accounts",
                        HttpTestClient.json(Map.of(
                                "companyName",
                                company,
                                "address",
                                Map.of(
                                        "line1", "1 High St",
                                        "postalCode", "SW1A 1AA",
                                        "city", "London",
                                        "country", "GB"),
                                "contactName",
                                "Lin Less",
                                "contactEmail",
                                email,
                                "language",
                                "en",
                                "vatLiable",
                                true,
                                "vatId",
                                "GB980780684",
                                "evidenceDocumentIds",
                                List.of(),
                                "authorisedToApply",
                                true)),
                        null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    }

    private static String camt053(String reference, String amount) {
        String today = LocalDate.now().toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-%1$s</MsgId><CreDtTm>%2$sT08:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s</Id><CreDtTm>%2$sT08:00:00</CreDtTm>
                      <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="GBP">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><AcctSvcrRef>BANK-%1$s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <RltdPties><Dbtr><Nm>Ledger Studio Ltd</Nm></Dbtr></RltdPties>
                          <RmtInf><Strd><CdtrRefInf><Ref>%3$s</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(UUID.randomUUID(), today, reference, amount);
    }
}
