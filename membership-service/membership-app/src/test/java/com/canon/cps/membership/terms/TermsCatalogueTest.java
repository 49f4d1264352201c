package com.canon.cps.membership.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad terms configuration stops the start instead of serving, or accepting, terms that do not exist. */
class TermsCatalogueTest {

    private static final LocalDate PUBLISHED = LocalDate.parse("2024-01-15");
    private static final Map<String, String> TEXTS = Map.of("en", "Terms", "de", "Bedingungen");

    @Test
    void versions_byNumber_andTheCurrentOne() {
        TermsCatalogue catalogue = new TermsCatalogue(
                List.of(
                        new TermsCatalogue.Version("2023-01", PUBLISHED.minusYears(1), TEXTS),
                        new TermsCatalogue.Version("2024-01", PUBLISHED, TEXTS)),
                "2024-01");

        assertThat(catalogue.current().version()).isEqualTo("2024-01");
        assertThat(catalogue.version("2023-01"))
                .get()
                .extracting(TermsCatalogue.Version::publishedOn)
                .isEqualTo(PUBLISHED.minusYears(1));
        assertThat(catalogue.version("2022-01")).isEmpty();
    }

    @Test
    void theCurrentVersion_mustBePublished() {
        assertThatThrownBy(() ->
                        new TermsCatalogue(List.of(new TermsCatalogue.Version("2023-01", PUBLISHED, TEXTS)), "2024-01"))
                .hasMessageContaining("2024-01");
    }

    @Test
    void everyVersion_hasATextInEveryLanguage_once() {
        assertThatThrownBy(() -> new TermsCatalogue(
                        List.of(new TermsCatalogue.Version("2024-01", PUBLISHED, Map.of("en", "Terms"))), "2024-01"))
                .hasMessageContaining("no de text");
        assertThatThrownBy(() -> new TermsCatalogue(
                        List.of(
                                new TermsCatalogue.Version("2024-01", PUBLISHED, TEXTS),
                                new TermsCatalogue.Version("2024-01", PUBLISHED, TEXTS)),
                        "2024-01"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() ->
                        new TermsCatalogue(List.of(new TermsCatalogue.Version("2024-01", null, TEXTS)), "2024-01"))
                .hasMessageContaining("published-on");
    }
}
