package com.canon.cps.product.migration.web;

import com.canon.cps.product.migration.legacy.LegacyImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPERATOR {@code POST /api/products/legacy-registrations} ({@code text/csv}): imports an export of the old CPS
 * system. 200 with what was imported and which lines were rejected and why; a file without the expected header is
 * refused as a whole (400).
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class LegacyImportController {

    private final LegacyImport legacyImport;

    LegacyImportController(LegacyImport legacyImport) {
        this.legacyImport = legacyImport;
    }

    @PostMapping(path = "/api/products/legacy-registrations", consumes = "text/csv")
    LegacyImport.Result importCsv(@RequestBody String csv) {
        return legacyImport.importCsv(csv);
    }
}
