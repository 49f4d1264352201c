package com.canon.cps.product.migration.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What product-service knows of an account's migration: the old CPS e-mail it gave (never shown to members, only
 * used to look up the import), whether the member proved it, and, once migrated, what was copied and skipped.
 *
 * @param legacyEmailConfirmed whether the old CPS e-mail is proven ({@code null} in documents written before)
 * @param stopped the account was erased before it migrated: no e-mail, never available again ({@code null}: no)
 */
@Document(LegacyMigrationView.COLLECTION)
public record LegacyMigrationView(
        @Id String accountId,
        String legacyEmail,
        Boolean legacyEmailConfirmed,
        boolean completed,
        List<String> migratedProductIds,
        List<Skipped> skipped,
        Instant migratedAt,
        Boolean stopped) {

    public static final String COLLECTION = "legacy_migrations";

    /** Whether the old CPS e-mail is proven. */
    public boolean confirmed() {
        return Boolean.TRUE.equals(legacyEmailConfirmed);
    }

    /** A legacy registration that was not copied. */
    public record Skipped(String modelCode, String serialNumber, String reason) {}
}
