package com.canon.cps.membership.subscription.config;

import com.canon.cps.membership.config.MembershipSettings;
import com.canon.cps.membership.subscription.domain.MembershipOffer;
import com.canon.cps.membership.subscription.domain.Tier;
import com.canon.cps.vat.treatment.VatRules;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the offer the aggregate decides with, and the VAT rule of the price preview, from the settings. */
@Configuration(proxyBeanMethods = false)
class MembershipConfiguration {

    @Bean
    MembershipOffer membershipOffer(MembershipSettings s) {
        List<Tier> tiers = s.tiers().stream()
                .map(t -> new Tier(t.code().toUpperCase(Locale.ROOT), t.name(), t.minPoints(), t.business()))
                .toList();
        // map keys are normalised: YAML authors write them in either case
        Map<String, String> currencies = new HashMap<>();
        s.currencies().forEach((k, v) -> currencies.put(k.toUpperCase(Locale.ROOT), v.toUpperCase(Locale.ROOT)));
        Map<String, Map<String, String>> prices = new HashMap<>();
        s.prices().forEach((currency, book) -> {
            Map<String, String> normalised = new HashMap<>();
            book.forEach((tier, amount) -> normalised.put(tier.toUpperCase(Locale.ROOT), amount));
            prices.put(currency.toUpperCase(Locale.ROOT), normalised);
        });
        return new MembershipOffer(
                tiers,
                s.businessTiersAbove(),
                currencies,
                s.defaultCurrency().toUpperCase(Locale.ROOT),
                prices,
                s.term(),
                s.termsVersion(),
                s.terms().stream().map(MembershipSettings.TermsSetting::version).collect(Collectors.toSet()));
    }

    /** billing-service's VAT rule with the rates of {@code cps.membership.vat}, for the price preview. */
    @Bean
    VatRules vatRules(MembershipSettings s) {
        MembershipSettings.Vat vat = s.vat();
        if (vat == null) {
            throw new IllegalStateException("cps.membership.vat (seller country, VAT rates, EU countries) is required");
        }
        return new VatRules(vat.sellerCountry(), vat.domesticRate(), vat.ukRate(), Set.copyOf(vat.euCountries()));
    }
}
