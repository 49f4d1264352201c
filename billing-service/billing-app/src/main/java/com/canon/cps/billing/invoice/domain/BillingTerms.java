package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configurable rules invoices are issued under (DOMAIN.md §5): the seller entity, its bank account, the VAT
 * rates, the payment terms, the invoice number series and the card charge retries.
 *
 * @param seller the selling entity with its (EU) VAT ID
 * @param sellerUkVatId the seller's UK VAT registration, printed instead on UK VAT invoices
 * @param seriesPrefix invoice numbers are {@code <prefix>-<buyer country>-<year>-<6 digits>}, gapless per series
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
        BigDecimal domesticRate,
        BigDecimal ukRate,
        Set<String> euCountries,
        Period paymentTerms,
        List<Period> chargeRetries) {

    private static final Set<String> UNITED_KINGDOM = Set.of("GB", "XI");
    static final String REVERSE_CHARGE_NOTE =
            "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";
    static final String NON_EU_NOTE =
            "Not subject to EU VAT: service supplied to a business established outside the EU (Article 44, Council"
                    + " Directive 2006/112/EC).";

    public BillingTerms {
        euCountries = Set.copyOf(euCountries);
        chargeRetries = List.copyOf(chargeRetries);
    }

    /**
     * Domestic rate in the seller's country; UK VAT for GB and XI; reverse charge for a VAT-liable buyer in another
     * member state whose VAT ID the registry confirmed; the seller's rate for any other EU buyer; no EU VAT outside.
     */
    public VatDecision vat(Buyer buyer) {
        String country = buyer.country().toUpperCase(Locale.ROOT);
        if (country.equals(seller.country())) {
            return new VatDecision(VatTreatment.DOMESTIC, domesticRate, null);
        }
        if (UNITED_KINGDOM.contains(country)) {
            return new VatDecision(VatTreatment.UK_VAT, ukRate, null);
        }
        if (euCountries.contains(country)) {
            if (buyer.vatLiable() && buyer.vatId() != null && buyer.vatIdConfirmed()) {
                return new VatDecision(VatTreatment.REVERSE_CHARGE, BigDecimal.ZERO.setScale(2), REVERSE_CHARGE_NOTE);
            }
            return new VatDecision(VatTreatment.DOMESTIC, domesticRate, null);
        }
        return new VatDecision(VatTreatment.NON_EU, BigDecimal.ZERO.setScale(2), NON_EU_NOTE);
    }

    /** The seller as printed: with its UK VAT registration on UK VAT invoices. */
    Party sellerFor(VatTreatment treatment) {
        if (treatment == VatTreatment.UK_VAT && sellerUkVatId != null) {
            return new Party(
                    seller.name(), seller.line1(), seller.postalCode(), seller.city(), seller.country(), sellerUkVatId);
        }
        return seller;
    }

    /** VAT on {@code net} at {@code ratePercent}, rounded half up to the cent. */
    static BigDecimal vatOn(BigDecimal net, BigDecimal ratePercent) {
        return net.multiply(ratePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
