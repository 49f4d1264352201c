package com.canon.cps.verification.review;

import static com.canon.cps.platform.test.Problems.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.VerificationServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/verification/decision-due}: the applicant's decision date, with the docs/domain.md examples, and the
 * same deadline as the case an application of that instant opens.
 */
@VerificationServiceTest
class DecisionDueIT {

    private static final String PATH = "/api/verification/decision-due";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // docs/domain.md §1 (England and Wales): Wed 2025-12-24 -> Tue 2025-12-30; Thu 2026-04-02 -> Wed 2026-04-08
        "GB, 2025-12-24T10:00:00Z, 2025-12-30",
        "GB, 2026-04-02T10:00:00Z, 2026-04-08",
        // a submission on a weekend or holiday counts as made on the next business day (Monday is day 0), as one
        // after the cut-off does
        "GB, 2026-12-06T13:05:00Z, 2026-12-09",
        "GB, 2026-12-04T17:30:00Z, 2026-12-09",
        "GB, 2026-12-04T10:00:00Z, 2026-12-08",
        // at or after the cut-off (17:00 London) counts from the next business day
        "GB, 2025-12-24T17:30:00Z, 2025-12-31",
        "GB, 2026-03-04T16:59:59Z, 2026-03-06",
        "GB, 2026-03-04T17:00:00Z, 2026-03-09",
        // local time of the applicant's country: 16:30Z is 17:30 in Berlin, after the cut-off
        "DE, 2026-03-04T16:30:00Z, 2026-03-09",
        "de, 2026-03-04T15:30:00Z, 2026-03-06"
    })
    void decisionDue_isTheEndOfTheSecondBusinessDay(String country, String submittedAt, String due) {
        HttpTestClient.Response response = http.get(PATH + "?country=" + country + "&submittedAt=" + submittedAt, null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("country").asString()).isEqualTo(country.toUpperCase());
        assertThat(Instant.parse(body.path("submittedAt").asString())).isEqualTo(submittedAt);
        assertThat(body.path("decisionDue").asString()).isEqualTo(due);
        ZoneId zone = ZoneId.of(country.equalsIgnoreCase("GB") ? "Europe/London" : "Europe/Berlin");
        Instant deadline = Instant.parse(body.path("deadline").asString());
        assertThat(deadline)
                .isEqualTo(LocalDate.parse(due)
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .minusNanos(1));
    }

    @Test
    void theResponse_onASunday() {
        JsonNode body = http.get(PATH + "?country=GB&submittedAt=2026-12-06T13:05:00Z", null)
                .json();

        // Sun 6 Dec: day 0 is Mon 7 (the next business day), so the 2nd business day after it is Wed 9
        assertThat(body.path("country").asString()).isEqualTo("GB");
        assertThat(body.path("submittedAt").asString()).isEqualTo("2026-12-06T13:05:00Z");
        assertThat(body.path("deadline").asString()).isEqualTo("2026-12-09T23:59:59.999999999Z");
        assertThat(body.path("decisionDue").asString()).isEqualTo("2026-12-09");
        assertThat(body.properties()).hasSize(4);
    }

    @Test
    void withoutSubmittedAt_theApplicationCountsAsSubmittedNow_onTheBusinessClock() {
        Instant before = clock.instant();

        JsonNode body = http.get(PATH + "?country=NL", null).json();

        Instant submitted = Instant.parse(body.path("submittedAt").asString());
        assertThat(submitted).isBetween(before, clock.instant());
        assertThat(body.path("decisionDue").asString()).isNotBlank();
    }

    @Test
    void theCaseOfAnApplication_getsTheDeadlineThePageShows() {
        String accountId = UUID.randomUUID().toString();
        Instant submittedAt = Instant.parse("2026-12-06T13:05:00Z");
        JsonNode due =
                http.get(PATH + "?country=GB&submittedAt=" + submittedAt, null).json();

        Applications.submit(
                accountId, "GB", true, Applications.REFUSED_VAT_ID, List.of("doc-" + accountId), submittedAt);

        JsonNode c = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/verification/cases?accountId=" + accountId, TestTokens.operator())
                                .json(),
                        cases -> cases.size() == 1)
                .get(0);
        assertThat(Instant.parse(c.path("submittedAt").asString())).isEqualTo(submittedAt);
        // the operators' view stores instants in milliseconds (Mongo dates); the case's own deadline is the calendar's
        assertThat(Instant.parse(c.path("deadline").asString()))
                .isEqualTo(Instant.parse(due.path("deadline").asString()).truncatedTo(ChronoUnit.MILLIS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?country=XX&submittedAt=2026-12-06T13:05:00Z",
                "?country=US",
                "?country=&submittedAt=2026-12-06T13:05:00Z",
                "?submittedAt=2026-12-06T13:05:00Z"
            })
    void anUnknownCountry_isA400_atTheCountryField(String query) {
        assertFieldError(http.get(PATH + query, null), "country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "yesterday", "2026-13-06T13:05:00Z", "2026-12-06T13:05:00", ""})
    void aBadInstant_isA400_atTheSubmittedAtField(String submittedAt) {
        assertFieldError(http.get(PATH + "?country=GB&submittedAt=" + submittedAt, null), "submittedAt");
    }
}
