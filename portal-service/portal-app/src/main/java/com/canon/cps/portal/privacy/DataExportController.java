package com.canon.cps.portal.privacy;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The data export's two doors, one file ({@link DataExport}): MY ACCOUNT's "Download my data" for the signed-in
 * member, and the back office member page's "Export data (Art. 15)" for any operator (who may see that page). A part
 * that cannot be read now gives the page "try again later" ({@code PortalErrors}), never an incomplete file.
 */
@Controller
class DataExportController {

    private final DataExport exports;

    DataExportController(DataExport exports) {
        this.exports = exports;
    }

    @GetMapping("/account/data-export")
    ResponseEntity<byte[]> member() {
        return attachment(exports.member());
    }

    @GetMapping("/back-office/members/{accountId}/data-export")
    ResponseEntity<byte[]> operator(@PathVariable String accountId) {
        return attachment(exports.operator(accountId));
    }

    private static ResponseEntity<byte[]> attachment(DataExport.File file) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.bytes());
    }
}
