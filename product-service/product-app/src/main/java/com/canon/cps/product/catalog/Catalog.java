package com.canon.cps.product.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All catalogue versions; answers which one is in force at an instant of the business clock. Effective dates are
 * days in UTC, so every instance of the service switches versions at the same moment.
 */
public final class Catalog {

    private final List<CatalogVersion> versions;

    public Catalog(List<CatalogVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no version");
        }
        Set<String> names = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (CatalogVersion v : versions) {
            if (!names.add(v.version())) {
                throw new IllegalArgumentException("catalogue version " + v.version() + " is defined twice");
            }
            // two versions starting on one day would make the version in force depend on file order
            if (!dates.add(v.effectiveFrom())) {
                throw new IllegalArgumentException("two catalogue versions take effect on " + v.effectiveFrom());
            }
        }
        this.versions = versions.stream()
                .sorted(Comparator.comparing(CatalogVersion::effectiveFrom))
                .toList();
    }

    /** The version in force at {@code at}: the latest one whose effective date has begun, if any has. */
    public Optional<CatalogVersion> inForce(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        CatalogVersion current = null;
        for (CatalogVersion v : versions) {
            if (!v.effectiveFrom().isAfter(today)) {
                current = v;
            }
        }
        return Optional.ofNullable(current);
    }

    /** The model as priced by the version in force at {@code at}. */
    public Optional<Priced> price(String modelCode, Instant at) {
        return inForce(at).flatMap(v -> v.model(modelCode).map(m -> new Priced(v.version(), m)));
    }

    public List<CatalogVersion> versions() {
        return versions;
    }

    /** A model with the name of the catalogue version that priced it. */
    public record Priced(String catalogVersion, CatalogModel model) {}
}
