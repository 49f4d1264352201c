package com.canon.cps.product.catalog;

import java.util.Objects;

/**
 * One model of a catalogue version.
 *
 * @param modelCode the stable code members register with (upper case, e.g. {@code EOS-5D-MARK-III})
 * @param points what a complete registration of this model earns under this version
 */
public record CatalogModel(
        String modelCode, String name, ProductCategory category, int points, PointsSource pointsSource) {

    public CatalogModel {
        Objects.requireNonNull(modelCode, "modelCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pointsSource, "pointsSource");
        if (points < 0) {
            throw new IllegalArgumentException("points of " + modelCode + " must not be negative");
        }
    }
}
