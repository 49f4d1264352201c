package com.canon.cps.membership.terms;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published versions of the CPS Terms &amp; Conditions, each with its text in every {@link #LANGUAGES language}.
 *
 * <p>Invariants (checked when built, so a bad configuration stops the start): versions are unique, each has a
 * publication date and a non-blank text per language, and the current version is one of them.
 */
final class TermsCatalogue {

    /** The languages every version is published in; the first is the default. */
    static final List<String> LANGUAGES = List.of("en", "de");

    record Version(String version, LocalDate publishedOn, Map<String, String> texts) {}

    private final Map<String, Version> versions;
    private final String current;

    TermsCatalogue(List<Version> versions, String current) {
        Map<String, Version> byVersion = new LinkedHashMap<>();
        for (Version v : versions) {
            if (v.version() == null || v.version().isBlank() || v.publishedOn() == null) {
                throw new IllegalArgumentException(
                        "cps.membership.terms: each version needs a version and published-on");
            }
            for (String language : LANGUAGES) {
                String text = v.texts().get(language);
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException(
                            "cps.membership.terms: version " + v.version() + " has no " + language + " text");
                }
            }
            if (byVersion.put(v.version(), v) != null) {
                throw new IllegalArgumentException("cps.membership.terms: version " + v.version() + " given twice");
            }
        }
        if (!byVersion.containsKey(current)) {
            throw new IllegalArgumentException("cps.membership.terms-version " + current
                    + " is not one of the published versions " + byVersion.keySet());
        }
        this.versions = Map.copyOf(byVersion);
        this.current = current;
    }

    Version current() {
        return versions.get(current);
    }

    Optional<Version> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }
}
