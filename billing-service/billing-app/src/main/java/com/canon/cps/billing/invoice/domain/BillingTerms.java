package com.canon.cps.billing.invoice.domain;

import com.canon.cps.vat.treatment.VatBuyer;
import com.canon.cps.vat.treatment.VatRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configurable rules invoices are issued under (docs/domain.md §5): the seller entity, its bank account, the VAT
 * rates, the payment terms, the invoice and credit-note number series and the card charge retries. The VAT rule
 * itself is {@link VatRules} (module {@code vat-treatment}), which membership-service's price preview applies too.
 *
 * @param seller the selling entity with its (EU) VAT ID
 * @param sellerUkVatId the seller's UK VAT registration, printed instead on UK VAT invoices
 * @param seriesPrefix invoice numbers are {@code <prefix>-<buyer country>-<year>-<6 digits>}, gapless per series
 * @param creditNotePrefix credit-note numbers are {@code <prefix>-<buyer country>-<year>-<6 digits>}, a gapless series
 *     of their own
 * @param domesticRate VAT rate (percent) of the seller's country
 * @param ukRate UK VAT rate (percent) for buyers in GB and XI
 * @param euCountries member states (ISO codes, {@code EL} for Greece) for the reverse charge
 * @param paymentTerms due date = issue date + this
 * @param chargeRetries after the n-th failed card charge the next attempt follows after the n-th period; none after the last
 */
public record BillingTerms(
        Party seller,
        String sellerUkVatId,
        BankDetails bank,
        String seriesPrefix,
        String creditNotePrefix,
        BigDecimal domesticRate,
        BigDecimal ukRate,
        Set<String> euCountries,
        Period paymentTerms,
        List<Period> chargeRetries) {

    public BillingTerms {
        euCountries = Set.copyOf(euCountries);
        chargeRetries = List.copyOf(chargeRetries);
    }

    /** The VAT rule with this configuration. */
    public VatRules vatRules() {
        return new VatRules(seller.country(), domesticRate, ukRate, euCountries);
    }

    /** The treatment of a sale to {@code buyer} by {@link VatRules}. */
    VatDecision vat(Buyer buyer) {
        com.canon.cps.vat.treatment.VatDecision d = vatRules()
                .decide(new VatBuyer(
                        buyer.country(),
                        buyer.vatLiable(),
                        buyer.vatId(),
                        buyer.vatIdConfirmed() ? buyer.vatId() : null));
        return new VatDecision(VatTreatment.valueOf(d.treatment().name()), d.rate(), d.note());
    }

    /** The invoice series of a buyer in {@code country} on {@code issueDate}: {@code <prefix>-<country>-<year>}. */
    String invoiceSeries(String country, LocalDate issueDate) {
        return series(seriesPrefix, country, issueDate);
    }

    /** The credit-note series of a buyer in {@code country} on {@code issueDate}, a series of its own. */
    String creditNoteSeries(String country, LocalDate issueDate) {
        return series(creditNotePrefix, country, issueDate);
    }

    private static String series(String prefix, String country, LocalDate issueDate) {
        return prefix + "-" + country.toUpperCase(Locale.ROOT) + "-" + issueDate.getYear();
    }

    /** The seller as printed: with its UK VAT registration on UK VAT invoices. */
    Party sellerFor(VatTreatment treatment) {
        if (treatment == VatTreatment.UK_VAT && sellerUkVatId != null) {
            return new Party(
                    seller.name(), seller.line1(), seller.postalCode(), seller.city(), seller.country(), sellerUkVatId);
        }
        return seller;
    }

    /** VAT on {@code net} at {@code ratePercent}, rounded half up to the cent ({@link VatRules#vatOn}). */
    static BigDecimal vatOn(BigDecimal net, BigDecimal ratePercent) {
        return VatRules.vatOn(net, ratePercent);
    }
}
