package com.canon.cps.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final CatalogVersion V1 = version("v1", "2024-01-01", model("EOS-5D-MARK-III", 235));
    private static final CatalogVersion V2 = version("v2", "2026-07-01", model("EOS-5D-MARK-III", 300));

    @Test
    void givenTwoVersions_whenAskedAtInstants_thenTheLatestBegunVersionIsInForce() {
        Catalog catalog = new Catalog(List.of(V2, V1)); // order of the files does not matter

        assertThat(catalog.inForce(Instant.parse("2023-12-31T23:59:59Z"))).isEmpty();
        assertThat(catalog.inForce(Instant.parse("2024-01-01T00:00:00Z"))).contains(V1);
        assertThat(catalog.inForce(Instant.parse("2026-06-30T23:59:59Z"))).contains(V1);
        assertThat(catalog.inForce(Instant.parse("2026-07-01T00:00:00Z"))).contains(V2);
        assertThat(catalog.inForce(Instant.parse("2099-01-01T00:00:00Z"))).contains(V2);
    }

    @Test
    void givenTwoVersions_whenPricing_thenTheVersionInForcePricesAndIsNamed() {
        Catalog catalog = new Catalog(List.of(V1, V2));

        Catalog.Priced before = catalog.price("eos-5d-mark-iii", Instant.parse("2026-06-30T12:00:00Z"))
                .orElseThrow();
        Catalog.Priced after = catalog.price("EOS-5D-MARK-III ", Instant.parse("2026-07-01T12:00:00Z"))
                .orElseThrow();

        assertThat(before.catalogVersion()).isEqualTo("v1");
        assertThat(before.model().points()).isEqualTo(235);
        assertThat(after.catalogVersion()).isEqualTo("v2");
        assertThat(after.model().points()).isEqualTo(300);
        assertThat(catalog.price("EOS-UNKNOWN", Instant.parse("2026-07-01T12:00:00Z")))
                .isEmpty();
    }

    @Test
    void givenConflictingVersions_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new Catalog(List.of())).hasMessageContaining("no version");
        assertThatThrownBy(() -> new Catalog(List.of(V1, version("v1", "2025-01-01", model("EOS-R5", 1)))))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> new Catalog(List.of(V1, version("v9", "2024-01-01", model("EOS-R5", 1)))))
                .hasMessageContaining("2024-01-01");
        assertThatThrownBy(() -> version("v3", "2024-01-01", model("EOS-R5", 1), model("EOS-R5", 2)))
                .hasMessageContaining("twice");
    }

    @Test
    void shippedCatalogue_hasTheRequiredModels_realValuesOnlyWhereKnown() throws IOException {
        CatalogVersion v1;
        try (InputStream in = getClass().getResourceAsStream("/catalog/catalog-v1.yml")) {
            v1 = CatalogFile.read(in, "catalog-v1.yml");
        }

        assertThat(v1.effectiveFrom()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(v1.models()).hasSizeGreaterThanOrEqualTo(40);
        Map<ProductCategory, Long> perCategory =
                v1.models().stream().collect(Collectors.groupingBy(CatalogModel::category, Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(ProductCategory.values());
        assertThat(v1.model("EOS-5D-MARK-III")).get().satisfies(m -> {
            assertThat(m.name()).isEqualTo("EOS 5D Mark III");
            assertThat(m.points()).isEqualTo(235);
            assertThat(m.pointsSource()).isEqualTo(PointsSource.REAL);
        });
        assertThat(v1.model("EF-40-F2.8-STM")).get().satisfies(m -> {
            assertThat(m.name()).isEqualTo("EF 40mm f/2.8 STM");
            assertThat(m.points()).isEqualTo(15);
            assertThat(m.pointsSource()).isEqualTo(PointsSource.REAL);
        });
        assertThat(v1.models())
                .filteredOn(m -> m.pointsSource() == PointsSource.REAL)
                .as("only the two values the seed gives are real")
                .extracting(CatalogModel::modelCode)
                .containsExactlyInAnyOrder("EOS-5D-MARK-III", "EF-40-F2.8-STM");
        assertThat(v1.models()).allSatisfy(m -> assertThat(m.points()).isPositive());
    }

    @Test
    void brokenFile_isRefusedWithWhereAndWhat() {
        assertThatThrownBy(() -> read("version: x\neffectiveFrom: 2024-13-01\nmodels: [{modelCode: A}]"))
                .hasMessageContaining("effectiveFrom");
        assertThatThrownBy(() -> read("version: x\neffectiveFrom: \"2024-01-01\"\nmodels:\n"
                        + "  - {modelCode: A, name: A, category: EF_BODY, points: 1, pointsSource: REAL}\n"
                        + "  - {modelCode: B, name: B, category: TOASTER, points: 1, pointsSource: REAL}"))
                .hasMessageContaining("models[1]")
                .hasMessageContaining("TOASTER");
        assertThatThrownBy(() -> read("version: x\neffectiveFrom: \"2024-01-01\"\nmodels:\n"
                        + "  - {modelCode: A, name: A, category: EF_BODY, points: ten, pointsSource: REAL}"))
                .hasMessageContaining("points");
        assertThatThrownBy(() -> read("version: x\neffectiveFrom: \"2024-01-01\"\nmodels: []"))
                .hasMessageContaining("no models");
        assertThatThrownBy(() -> read("!!java.io.File [\"/etc/passwd\"]")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void unquotedYamlDate_isReadAsThatDay() {
        CatalogVersion v = read("version: x\neffectiveFrom: 2025-02-03\nmodels:\n"
                + "  - {modelCode: a, name: A, category: RF_LENS, points: 1, pointsSource: PLACEHOLDER}");

        assertThat(v.effectiveFrom()).isEqualTo(LocalDate.parse("2025-02-03"));
        assertThat(v.model("A")).isPresent();
    }

    private static CatalogVersion read(String yaml) {
        return CatalogFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static CatalogVersion version(String name, String from, CatalogModel... models) {
        return new CatalogVersion(name, LocalDate.parse(from), Arrays.asList(models));
    }

    private static CatalogModel model(String code, int points) {
        return new CatalogModel(code, code, ProductCategory.EF_BODY, points, PointsSource.PLACEHOLDER);
    }
}
