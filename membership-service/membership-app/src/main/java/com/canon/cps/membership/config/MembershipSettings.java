package com.canon.cps.membership.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * membership-service settings ({@code cps.membership.*}): tiers, price book, markets, term, terms version and the
 * renewal lead time. Everything docs/domain.md marks as configurable lives here, never in code.
 *
 * @param businessTiersAbove business tiers become available above this points balance
 * @param currencies ISO country code to currency; countries not listed pay in {@code defaultCurrency}
 * @param prices currency to tier code to the net yearly price as a decimal string
 * @param termsVersion the version of the CPS Terms &amp; Conditions a checkout must accept (the current one); one of
 *     {@code terms}
 * @param terms every published version of the CPS Terms &amp; Conditions with its texts
 * @param renewalLeadTime how long before the expiry the next term is ordered when auto-renewal is on
 * @param vat the VAT rates the price preview applies: billing-service's {@code cps.billing.vat} and seller country,
 *     so that the preview shows what the invoice will say
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
        @DefaultValue("14d") Duration renewalLeadTime,
        Vat vat) {

    public MembershipSettings {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /**
     * The seller's country and VAT rates (percent), and the EU member states for the reverse charge: the same values as
     * billing-service's {@code cps.billing.seller.country} and {@code cps.billing.vat}.
     */
    public record Vat(String sellerCountry, BigDecimal domesticRate, BigDecimal ukRate, List<String> euCountries) {}

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
