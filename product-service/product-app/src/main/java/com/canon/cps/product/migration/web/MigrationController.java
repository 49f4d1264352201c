package com.canon.cps.product.migration.web;

import com.canon.cps.platform.security.CurrentMember;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * MEMBER {@code GET /api/products/migration} (is MIGRATE PRODUCTS offered?) and {@code POST} (do it, once). 202:
 * the copies are recorded; they appear in {@code GET /api/products} as the read model catches up.
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class MigrationController {

    private final LegacyMigrations migrations;

    MigrationController(LegacyMigrations migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/api/products/migration")
    LegacyMigrations.MigrationStatus status(@AuthenticationPrincipal Jwt jwt) {
        return migrations.status(CurrentMember.accountId(jwt));
    }

    @PostMapping("/api/products/migration")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MigrationResponse migrate(@AuthenticationPrincipal Jwt jwt) {
        LegacyMigrations.Outcome outcome = migrations.migrate(CurrentMember.accountId(jwt));
        return new MigrationResponse(
                LegacyMigrations.Status.COMPLETED,
                outcome.productIds().size(),
                outcome.productIds(),
                outcome.skipped().stream()
                        .map(s -> new MigrationResponse.Skipped(
                                s.modelCode(), s.serialNumber(), s.reason().name()))
                        .toList());
    }

    /** What the migration copied, and what it skipped (e.g. a serial number another account holds) and why. */
    record MigrationResponse(
            LegacyMigrations.Status status, int migratedProductCount, List<String> productIds, List<Skipped> skipped) {
        record Skipped(String modelCode, String serialNumber, String reason) {}
    }
}
