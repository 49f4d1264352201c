package com.canon.cps.membership.terms;

import com.canon.cps.platform.web.ApiProblem;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/membership/terms[?version=2024-01][&lang=en|de]} (no token): the current version of the CPS Terms
 * &amp; Conditions, or the one asked for; English unless {@code lang=de}. An unknown version is a 404, another
 * language a 400.
 */
@RestController
class TermsController {

    static final String PATH = "/api/membership/terms";

    private final TermsCatalogue catalogue;

    TermsController(TermsCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(PATH)
    TermsResponse terms(@RequestParam(required = false) String version, @RequestParam(required = false) String lang) {
        String language =
                lang == null ? TermsCatalogue.LANGUAGES.get(0) : lang.strip().toLowerCase(Locale.ROOT);
        if (!TermsCatalogue.LANGUAGES.contains(language)) {
            throw ApiProblem.invalid("lang", "must be one of " + String.join(", ", TermsCatalogue.LANGUAGES));
        }
        TermsCatalogue.Version terms = version == null
                ? catalogue.current()
                : catalogue
                        .version(version.strip())
                        .orElseThrow(() -> ApiProblem.notFound(
                                "No published version '" + abbreviated(version) + "' of the CPS Terms & Conditions"));
        return new TermsResponse(
                terms.version(), terms.publishedOn(), terms.texts().get(language), language);
    }

    private static String abbreviated(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }
}
