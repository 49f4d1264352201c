package com.canon.cps.product.catalog;

import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/catalog} (public): the models of the version in force today, with their points. */
@RestController
class CatalogController {

    private final Catalog catalog;
    private final Clock clock;

    CatalogController(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/api/catalog")
    List<CatalogEntry> catalog() {
        return catalog.inForce(clock.instant())
                .map(v -> v.models().stream().map(m -> CatalogEntry.of(v, m)).toList())
                .orElse(List.of());
    }

    /**
     * One model as the API shows it. {@code pointsSource} and {@code catalogVersion} are additions to docs/api.md's
     * {@code {modelCode, name, category, points}}: clients can tell a placeholder value from a real one.
     */
    record CatalogEntry(
            String modelCode,
            String name,
            ProductCategory category,
            int points,
            PointsSource pointsSource,
            String catalogVersion) {
        static CatalogEntry of(CatalogVersion version, CatalogModel m) {
            return new CatalogEntry(
                    m.modelCode(), m.name(), m.category(), m.points(), m.pointsSource(), version.version());
        }
    }
}
