package com.canon.cps.product.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.product.ProductServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, finding 7: the legacy CSV import is at most 2 MB however the body is labelled; a body that claims to be
 * multipart no longer skips the size limit. Over it: a 413 problem.
 */
@ProductServiceTest
class LegacyImportLimitsIT {

    private static final int OVER = 2 * 1024 * 1024 + 1;

    @LocalServerPort
    int port;

    @Test
    void aLegacyExport_overTheLimit_gets413_alsoWhenLabelledMultipart() {
        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
        for (String type :
                new String[] {"multipart/form-data; boundary=cps", "multipart/mixed; boundary=cps", "text/csv"}) {
            HttpTestClient.Response response =
                    http.postBytes("/api/products/legacy-registrations", type, new byte[OVER], TestTokens.operator());
            assertThat(response.status()).as(type).isEqualTo(413);
            assertThat(response.contentType()).as(type).startsWith("application/problem+json");
        }
    }
}
