package com.canon.cps.product.migration.web;

import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.product.migration.store.LegacyImport;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * BILLING or ADMIN {@code POST /api/products/legacy-registrations} ({@code text/csv}): imports an export of the old CPS
 * system. 200 with what was imported and which lines were rejected and why; a file without the expected header is
 * refused as a whole (400). Each import that ran is in the audit trail (subject: the file's SHA-256), ADR 19.
 */
@RestController
@OperatorAccess.Billing
class LegacyImportController {

    private final LegacyImport legacyImport;
    private final OperatorAudit audit;

    LegacyImportController(LegacyImport legacyImport, OperatorAudit audit) {
        this.legacyImport = legacyImport;
        this.audit = audit;
    }

    @PostMapping(path = "/api/products/legacy-registrations", consumes = "text/csv")
    LegacyImport.Result importCsv(@RequestBody String csv) {
        LegacyImport.Result result = legacyImport.importCsv(csv);
        audit.record(
                OperatorActions.LEGACY_PRODUCTS_IMPORTED,
                OperatorAudit.Subject.of(OperatorActions.LEGACY_IMPORT, Sha256.hex(csv)),
                Map.of(
                        "imported",
                        result.imported(),
                        "alreadyImported",
                        result.alreadyImported(),
                        "rejected",
                        result.rejected().size()));
        return result;
    }
}
