package com.canon.cps.billing.invoice.config;

import com.canon.cps.billing.config.BillingSettings;
import com.canon.cps.billing.invoice.domain.BankDetails;
import com.canon.cps.billing.invoice.domain.BillingTerms;
import com.canon.cps.billing.invoice.domain.Party;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the terms the invoice aggregate issues under from the settings. */
@Configuration(proxyBeanMethods = false)
class InvoiceConfiguration {

    @Bean
    BillingTerms billingTerms(BillingSettings s) {
        BillingSettings.Seller seller = s.seller();
        Set<String> eu = new HashSet<>();
        s.vat().euCountries().forEach(c -> eu.add(c.strip().toUpperCase(Locale.ROOT)));
        return new BillingTerms(
                new Party(
                        seller.name(),
                        seller.line1(),
                        seller.postalCode(),
                        seller.city(),
                        seller.country().toUpperCase(Locale.ROOT),
                        seller.vatId()),
                seller.ukVatId(),
                new BankDetails(
                        s.bank().accountHolder(), s.bank().iban(), s.bank().bic()),
                s.seriesPrefix(),
                s.creditNotePrefix(),
                s.vat().domesticRate(),
                s.vat().ukRate(),
                eu,
                s.paymentTerms(),
                s.chargeRetries());
    }
}
