package com.canon.cps.membership.subscription.domain;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What can be bought, on which terms and at which price: the configured tiers, the price book (net per year, per
 * currency), the currency of each country, the term, and the current and the published versions of the CPS Terms
 * &amp; Conditions. Injected into the aggregate's command handlers; the configuration builds it.
 *
 * @param businessTiersAbove business tiers become available (and viewable) above this balance
 * @param currencies ISO country code to ISO currency; other countries pay in {@code defaultCurrency}
 * @param prices currency to tier code to net yearly amount ({@code "85.00"})
 * @param termsVersion the version of the terms a checkout must accept (the current one)
 * @param publishedTermsVersions every published version, the current one included
 */
public record MembershipOffer(
        List<Tier> tiers,
        int businessTiersAbove,
        Map<String, String> currencies,
        String defaultCurrency,
        Map<String, Map<String, String>> prices,
        Period term,
        String termsVersion,
        Set<String> publishedTermsVersions) {

    public MembershipOffer {
        if (!publishedTermsVersions.contains(termsVersion)) {
            throw new IllegalArgumentException("The current terms version " + termsVersion + " is not published");
        }
        publishedTermsVersions = Set.copyOf(publishedTermsVersions);
        tiers = List.copyOf(tiers);
        currencies = Map.copyOf(currencies);
        prices = Map.copyOf(prices);
    }

    public Optional<Tier> tier(String code) {
        return code == null
                ? Optional.empty()
                : tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public String currencyFor(String country) {
        return country == null
                ? defaultCurrency
                : currencies.getOrDefault(country.toUpperCase(Locale.ROOT), defaultCurrency);
    }

    /** The tier's price in the country's currency; empty when the price book has none (then it cannot be sold). */
    public Optional<Price> price(String tierCode, String country) {
        String currency = currencyFor(country);
        return Optional.ofNullable(prices.get(currency))
                .map(book -> book.get(tierCode))
                .map(amount ->
                        new Price(new java.math.BigDecimal(amount).setScale(2).toPlainString(), currency));
    }

    public boolean termsPublished(String version) {
        return version != null && publishedTermsVersions.contains(version);
    }

    public boolean businessTiersAvailable(int points) {
        return points > businessTiersAbove;
    }

    /** A tier can be bought with this balance: its own minimum, and for business tiers the business threshold. */
    public boolean available(Tier tier, int points) {
        return tier.availableWith(points) && (!tier.business() || businessTiersAvailable(points));
    }
}
