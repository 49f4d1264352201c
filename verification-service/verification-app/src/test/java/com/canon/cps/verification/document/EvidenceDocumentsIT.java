package com.canon.cps.verification.document;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.Applications.Multipart;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Evidence documents through the real HTTP stack and PostgreSQL: the type comes from the bytes, the size is capped,
 * bad input stores nothing, operators download a case's documents, and unreferenced documents are purged after a day
 * of business time.
 */
@VerificationServiceTest
class EvidenceDocumentsIT {

    private static final String UPLOAD = "/api/verification/documents";
    private static final int LIMIT = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void pdf_isStored_andDescribed() {
        byte[] pdf = Applications.pdf(2048);

        HttpTestClient.Response response = upload("VAT_CERTIFICATE", "certificate.pdf", "application/pdf", pdf);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("VAT_CERTIFICATE");
        assertThat(body.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(body.path("sizeBytes").asLong()).isEqualTo(2048);
        String id = body.path("documentId").asString();
        assertThat(jdbc.queryForObject("SELECT content FROM evidence_document WHERE document_id = ?", byte[].class, id))
                .isEqualTo(pdf);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?",
                        Long.class,
                        "verification.document-purge:" + id))
                .as("purged unless an application refers to it")
                .isEqualTo(1);
    }

    @Test
    void pngAndJpeg_areRecognisedByTheirBytes_whateverTheNameAndDeclaredTypeSay() {
        HttpTestClient.Response png =
                upload("TRADE_REGISTER_EXTRACT", "extract.pdf", "application/pdf", Applications.png());
        HttpTestClient.Response jpeg = upload("BUSINESS_LICENCE", "licence.txt", "text/plain", Applications.jpeg());

        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(jpeg.status()).as(jpeg.body()).isEqualTo(201);
        assertThat(jpeg.json().path("contentType").asString()).isEqualTo("image/jpeg");
    }

    @Test
    void textFileNamedPdf_isUnsupportedMediaType_andNothingIsStored() {
        Instant start = clock.instant();

        HttpTestClient.Response response = upload(
                "INVOICE_WITH_VAT_ID",
                "invoice.pdf",
                "application/pdf",
                "Invoice 42, VAT ID GB980780684".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415);
        assertThat(storedSince(start)).isZero();
    }

    @Test
    void fileOverTheLimit_isTooLarge_andNothingIsStored_whileOneAtTheLimitIsAccepted() {
        Instant start = clock.instant();

        assertProblem(upload("VAT_CERTIFICATE", "big.pdf", "application/pdf", Applications.pdf(LIMIT + 1)), 413);
        assertThat(storedSince(start)).isZero();

        HttpTestClient.Response atLimit =
                upload("VAT_CERTIFICATE", "big.pdf", "application/pdf", Applications.pdf(LIMIT));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
        assertThat(atLimit.json().path("sizeBytes").asLong()).isEqualTo(LIMIT);
    }

    @Test
    void unknownTypeOrMissingFile_isABadRequest_andNothingIsStored() {
        Instant start = clock.instant();

        JsonNode unknownType =
                assertProblem(upload("PASSPORT", "passport.pdf", "application/pdf", Applications.pdf(100)), 400);
        JsonNode noType = assertProblem(upload(null, "x.pdf", "application/pdf", Applications.pdf(100)), 400);
        JsonNode noFile = assertProblem(upload("VAT_CERTIFICATE", null, null, null), 400);
        JsonNode emptyFile = assertProblem(upload("VAT_CERTIFICATE", "x.pdf", "application/pdf", new byte[0]), 400);

        assertThat(unknownType.path("errors").get(0).path("field").asString()).isEqualTo("type");
        assertThat(noType.path("errors").get(0).path("field").asString()).isEqualTo("type");
        assertThat(noFile.path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(emptyFile.path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(storedSince(start)).isZero();
    }

    @Test
    void operator_downloadsTheDocumentsOfACase_andNobodyElseDoes() {
        byte[] pdf = Applications.pdf(4096);
        String documentId = upload("COMMERCIAL_INVOICE", "invoice.pdf", "application/pdf", pdf)
                .json()
                .path("documentId")
                .asString();
        String unrelated = upload("COMMERCIAL_INVOICE", "other.pdf", "application/pdf", Applications.pdf(100))
                .json()
                .path("documentId")
                .asString();
        String accountId = UUID.randomUUID().toString();
        String caseId = VerificationCase.caseIdFor(accountId);

        Applications.submit(accountId, "DE", false, null, List.of(documentId), clock.instant());

        JsonNode c = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/verification/cases/" + caseId, TestTokens.operator()),
                        r -> r.status() == 200)
                .json();
        assertThat(c.path("documents").get(0).path("documentId").asString()).isEqualTo(documentId);
        assertThat(c.path("documents").get(0).path("type").asString()).isEqualTo("COMMERCIAL_INVOICE");
        assertThat(c.path("documents").get(0).path("missing").asBoolean()).isFalse();

        String url = "http://127.0.0.1:" + port + "/api/verification/cases/" + caseId + "/documents/";
        HttpResponse<byte[]> download = Applications.download(url + documentId, TestTokens.operator());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("content-disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment").contains(documentId + ".pdf"));

        assertThat(Applications.download(url + documentId, TestTokens.member(accountId))
                        .statusCode())
                .isEqualTo(403);
        // documents are for REVIEWER (and ADMIN) operators (ADR 19)
        assertThat(Applications.download(url + documentId, TestTokens.operator("bea.billing@cps.local", "BILLING"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Applications.download(url + documentId, TestTokens.operator("rita.reviewer@cps.local", "REVIEWER"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(Applications.download(url + documentId, null).statusCode()).isEqualTo(401);
        assertProblem(
                http.get("/api/verification/cases/" + caseId + "/documents/" + unrelated, TestTokens.operator()), 404);
        assertProblem(
                http.get(
                        "/api/verification/cases/" + UUID.randomUUID() + "/documents/" + documentId,
                        TestTokens.operator()),
                404);
    }

    @Test
    void documentNoApplicationRefersTo_isPurgedAfterADay_aReferencedOneIsKept() {
        String referenced = upload("VAT_CERTIFICATE", "a.pdf", "application/pdf", Applications.pdf(100))
                .json()
                .path("documentId")
                .asString();
        String orphan = upload("VAT_CERTIFICATE", "b.pdf", "application/pdf", Applications.pdf(100))
                .json()
                .path("documentId")
                .asString();
        String accountId = UUID.randomUUID().toString();
        Applications.submit(accountId, "DE", false, null, List.of(referenced), clock.instant());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM case_document WHERE document_id = ?", Long.class, referenced)
                        == 1);

        deadlines.fireDue();
        assertThat(exists(orphan)).as("not yet a day old").isTrue();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        deadlines.fireDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !exists(orphan));
        assertThat(exists(referenced)).isTrue();
    }

    private HttpTestClient.Response upload(String type, String filename, String declaredType, byte[] file) {
        Multipart multipart = Multipart.of(type, filename, declaredType, file);
        return http.postBytes(UPLOAD, multipart.contentType(), multipart.body(), null);
    }

    private boolean exists(String documentId) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM evidence_document WHERE document_id = ?", Long.class, documentId)
                == 1;
    }

    /** Documents stored since {@code start} (older ones may be purged meanwhile, as business time moves on). */
    private long storedSince(Instant start) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM evidence_document WHERE uploaded_at >= ?", Long.class, Timestamp.from(start));
    }
}
