package com.canon.cps.product.catalog;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one catalogue version from YAML ({@code version}, {@code effectiveFrom}, {@code models: [{modelCode, name,
 * category, points, pointsSource}]}). Catalogue files are configuration that operators edit, so every mistake is
 * reported with the file and the entry, and the service refuses to start rather than price products wrongly.
 */
final class CatalogFile {

    private CatalogFile() {}

    static CatalogVersion read(InputStream in, String source) {
        Object root = yaml().load(in);
        if (!(root instanceof Map<?, ?> file)) {
            throw invalid(source, "is not a YAML mapping");
        }
        String version = text(file, "version", source);
        LocalDate effectiveFrom = date(file.get("effectiveFrom"), source);
        if (!(file.get("models") instanceof List<?> entries) || entries.isEmpty()) {
            throw invalid(source, "has no models");
        }
        List<CatalogModel> models = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = source + " models[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw invalid(where, "is not a mapping");
            }
            try {
                models.add(new CatalogModel(
                        text(entry, "modelCode", where).toUpperCase(Locale.ROOT),
                        text(entry, "name", where),
                        ProductCategory.valueOf(text(entry, "category", where)),
                        points(entry.get("points"), where),
                        PointsSource.valueOf(text(entry, "pointsSource", where))));
            } catch (IllegalArgumentException e) {
                throw invalid(where, e.getMessage());
            }
        }
        try {
            return new CatalogVersion(version, effectiveFrom, models);
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    /**
     * SafeConstructor: plain maps, lists and scalars only, never arbitrary Java types from a file. Without implicit
     * timestamps: YAML would read an unquoted 2024-13-01 as a date and roll it over to 2025-01-01; as text it is
     * parsed strictly.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        Resolver withoutTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, withoutTimestamps);
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw invalid(where, "has no " + key);
        }
        return value.toString().trim();
    }

    private static int points(Object value, String where) {
        if (value instanceof Integer points) {
            return points;
        }
        throw invalid(where, "points must be a whole number, was " + value);
    }

    private static LocalDate date(Object value, String where) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw invalid(where, "effectiveFrom must be an ISO date (yyyy-MM-dd), was " + value);
        }
    }

    private static IllegalStateException invalid(String where, String problem) {
        return new IllegalStateException("Catalogue " + where + " " + problem);
    }
}
