package com.canon.cps.verification.registry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stub refuses what is not the recorded request, so a contract test cannot pass with a wrong request. */
class RecordedExchangesTest {

    private final RecordedExchanges stub = RecordedExchanges.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        stub.close();
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return client.send(
                HttpRequest.newBuilder(stub.url("/check-vat-number"))
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRecordedRequest_getsTheRecordedResponse() throws Exception {
        stub.replay("vies/valid-with-requester.json");

        HttpResponse<String> response = post(
                "{\"vatNumber\":\"136695976\",\"countryCode\":\"DE\",\"requesterNumber\":\"004495445B01\","
                        + "\"requesterMemberStateCode\":\"NL\"}",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("WAPIAAAAZ3hX2Lk_");
        stub.assertAllReplayed();
    }

    @Test
    void anotherBody_oranotherHeader_isAMismatch() throws Exception {
        stub.replay("vies/valid-with-requester.json").replay("vies/valid-with-requester.json");

        assertThat(post("{\"countryCode\":\"DE\",\"vatNumber\":\"136695976\"}", "application/json")
                        .statusCode())
                .isEqualTo(418);
        assertThat(post(
                                "{\"countryCode\":\"DE\",\"vatNumber\":\"136695976\",\"requesterMemberStateCode\":\"NL\","
                                        + "\"requesterNumber\":\"004495445B01\"}",
                                "text/plain")
                        .statusCode())
                .isEqualTo(418);
        assertThatThrownBy(stub::assertAllReplayed).hasMessageContaining("body").hasMessageContaining("Content-Type");
    }

    @Test
    void anExchangeNeverAskedFor_isAMismatch() {
        stub.replay("vies/invalid.json");

        assertThatThrownBy(stub::assertAllReplayed).hasMessageContaining("never asked for");
    }
}
