package com.canon.cps.membership.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * membership-service settings ({@code cps.membership.*}): tiers, price book, markets, term, terms version and the
 * renewal lead time. Everything DOMAIN.md marks as configurable lives here, never in code.
 *
 * @param businessTiersAbove business tiers become available above this points balance
 * @param currencies ISO country code to currency; countries not listed pay in {@code defaultCurrency}
 * @param prices currency to tier code to the net yearly price as a decimal string
 * @param termsVersion the version of the CPS Terms &amp; Conditions a checkout must accept (the current one); one of
 *     {@code terms}
 * @param terms every published version of the CPS Terms &amp; Conditions with its texts
 * @param renewalLeadTime how long before the expiry the next term is ordered when auto-renewal is on
 */
@ConfigurationProperties("cps.membership")
public record MembershipSettings(
        List<TierSetting> tiers,
        @DefaultValue("2500") int businessTiersAbove,
        Map<String, String> currencies,
        @DefaultValue("EUR") String defaultCurrency,
        Map<String, Map<String, String>> prices,
        @DefaultValue("P1Y") Period term,
        @DefaultValue("2024-01") String termsVersion,
        List<TermsSetting> terms,
        @DefaultValue("14d") Duration renewalLeadTime) {

    public MembershipSettings {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** One tier: code, display name, minimum points, business or individual. */
    public record TierSetting(
            String code,
            String name,
            int minPoints,
            @DefaultValue("false") boolean business) {}

    /**
     * One published version of the CPS Terms &amp; Conditions.
     *
     * @param text language code ({@code en}, {@code de}) to the location of the text, e.g.
     *     {@code classpath:membership/terms/cps-terms-2024-01.en.txt}
     */
    public record TermsSetting(String version, LocalDate publishedOn, Map<String, String> text) {}
}
