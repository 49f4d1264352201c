package com.canon.cps.portal.web;

import com.canon.cps.portal.config.PortalSettings;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The applicant's countries with their names in the page's language, sorted by name. {@code EL} (Greece in VAT IDs)
 * and {@code XI} (Northern Ireland) are not ISO country codes, so their names come from the JDK's entries for
 * {@code GR} and from the message bundle.
 */
@Component("countries")
class Countries {

    private final List<String> codes;

    Countries(PortalSettings settings) {
        this.codes = List.copyOf(settings.countries());
    }

    public record Country(String code, String name) {}

    public List<Country> all() {
        Locale locale = LocaleContextHolder.getLocale();
        Collator collator = Collator.getInstance(locale);
        return codes.stream()
                .map(code -> new Country(code, name(code, locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    public String name(String code) {
        return code == null ? "" : name(code, LocaleContextHolder.getLocale());
    }

    private static String name(String code, Locale locale) {
        return switch (code) {
            case "XI" -> "de".equals(locale.getLanguage()) ? "Nordirland" : "Northern Ireland";
            case "EL" -> new Locale("", "GR").getDisplayCountry(locale);
            default -> new Locale("", code).getDisplayCountry(locale);
        };
    }
}
