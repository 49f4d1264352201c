package com.canon.cps.product.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the catalogue, in force from {@code effectiveFrom} (00:00 UTC) until the next version's date.
 *
 * @param version the version's name, recorded with each registration priced by it
 */
public record CatalogVersion(String version, LocalDate effectiveFrom, List<CatalogModel> models) {

    public CatalogVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        models = List.copyOf(models);
        Map<String, CatalogModel> seen = new LinkedHashMap<>();
        for (CatalogModel model : models) {
            if (seen.put(model.modelCode(), model) != null) {
                throw new IllegalArgumentException(
                        "catalogue " + version + " lists model " + model.modelCode() + " twice");
            }
        }
    }

    /** The model with this code (case-insensitive), if this version lists it. */
    public Optional<CatalogModel> model(String modelCode) {
        if (modelCode == null) {
            return Optional.empty();
        }
        String code = modelCode.trim().toUpperCase(Locale.ROOT);
        return models.stream().filter(m -> m.modelCode().equals(code)).findFirst();
    }
}
