package com.canon.cps.product.migration.store;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.product.catalog.Catalog;
import com.canon.cps.product.catalog.CatalogVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an export of the old CPS system: good lines are kept, bad lines are reported with their line number and
 * reasons, and importing the same file again changes nothing (each line is identified by its content).
 */
@Service
public class LegacyImport {

    private static final Logger log = LoggerFactory.getLogger(LegacyImport.class);

    private final LegacyRegistrationStore store;
    private final TransactionTemplate transactions;
    private final Catalog catalog;
    private final Clock clock;

    LegacyImport(LegacyRegistrationStore store, TransactionTemplate transactions, Catalog catalog, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What an import did. */
    public record Result(int imported, int alreadyImported, List<Rejection> rejected) {}

    /** A line that was not imported. */
    public record Rejection(int line, String reason) {}

    public Result importCsv(String csv) {
        List<LegacyCsv.Row> rows;
        try {
            rows = LegacyCsv.parse(csv);
        } catch (LegacyCsv.NotALegacyExport e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Not a legacy CPS export", e.getMessage());
        }
        Instant now = clock.instant();
        CatalogVersion version = catalog.inForce(now).orElse(null);
        Result result = transactions.execute(tx -> {
            int imported = 0;
            int repeated = 0;
            List<Rejection> rejected = new ArrayList<>();
            for (LegacyCsv.Row row : rows) {
                LegacyLines.Checked checked = LegacyLines.check(row, version, now);
                if (checked.reason() != null) {
                    rejected.add(new Rejection(row.line(), checked.reason()));
                    continue;
                }
                switch (store.store(checked.registration())) {
                    case IMPORTED -> imported++;
                    case ALREADY_IMPORTED -> repeated++;
                    case CONFLICT ->
                        rejected.add(new Rejection(
                                row.line(),
                                "this e-mail, model and serial number were imported before with other details;"
                                        + " the first import stands"));
                }
            }
            return new Result(imported, repeated, List.copyOf(rejected));
        });
        log.info(
                "Legacy import: {} imported, {} already imported, {} rejected",
                result.imported(),
                result.alreadyImported(),
                result.rejected().size());
        return result;
    }
}
