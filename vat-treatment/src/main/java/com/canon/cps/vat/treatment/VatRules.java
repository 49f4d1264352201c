package com.canon.cps.vat.treatment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The VAT rule of docs/domain.md §5, with the seller's country, its rates and the EU member states as given by the
 * service's configuration: domestic rate for a buyer in the seller's country; UK VAT for GB and XI; the reverse charge
 * (0 %) for a VAT-liable buyer in another member state whose VAT ID the registry confirmed; the seller's rate for any
 * other EU buyer; no EU VAT outside the EU and the UK.
 *
 * <p>Invariant: the same buyer, net amount and configuration give the same decision and amounts wherever the rule
 * runs (billing's invoice, membership's preview).
 *
 * @param sellerCountry ISO code of the seller's country
 * @param domesticRate VAT rate (percent) of the seller's country
 * @param ukRate UK VAT rate (percent) for buyers in GB and XI
 * @param euCountries member states (ISO codes; Greece as {@code EL}, which {@code GR} is read as)
 */
public record VatRules(String sellerCountry, BigDecimal domesticRate, BigDecimal ukRate, Set<String> euCountries) {

    /** The sentence printed on a reverse-charge invoice. */
    public static final String REVERSE_CHARGE_NOTE =
            "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";

    /** The sentence printed on an invoice to a business outside the EU and the UK. */
    public static final String NON_EU_NOTE =
            "Not subject to EU VAT: service supplied to a business established outside the EU (Article 44, Council"
                    + " Directive 2006/112/EC).";

    private static final Set<String> UNITED_KINGDOM = Set.of("GB", "XI");
    private static final BigDecimal ZERO_RATE = BigDecimal.ZERO.setScale(2);

    public VatRules {
        sellerCountry = code(Objects.requireNonNull(sellerCountry, "sellerCountry"));
        Objects.requireNonNull(domesticRate, "domesticRate");
        Objects.requireNonNull(ukRate, "ukRate");
        euCountries = euCountries.stream().map(VatRules::code).collect(Collectors.toUnmodifiableSet());
        if (domesticRate.signum() < 0 || ukRate.signum() < 0) {
            throw new IllegalArgumentException("VAT rates must not be negative");
        }
    }

    /** The treatment of a sale to {@code buyer}. */
    public VatDecision decide(VatBuyer buyer) {
        String country = code(Objects.requireNonNull(buyer.country(), "country"));
        if (country.equals(sellerCountry)) {
            return new VatDecision(VatTreatment.DOMESTIC, domesticRate, null);
        }
        if (UNITED_KINGDOM.contains(country)) {
            return new VatDecision(VatTreatment.UK_VAT, ukRate, null);
        }
        if (euCountries.contains(country)) {
            if (buyer.vatLiable() && buyer.vatIdConfirmed()) {
                return new VatDecision(VatTreatment.REVERSE_CHARGE, ZERO_RATE, REVERSE_CHARGE_NOTE);
            }
            return new VatDecision(VatTreatment.DOMESTIC, domesticRate, null);
        }
        return new VatDecision(VatTreatment.NON_EU, ZERO_RATE, NON_EU_NOTE);
    }

    /** The VAT and gross amounts of a sale of {@code net} to {@code buyer}. */
    public VatAmounts amounts(VatBuyer buyer, BigDecimal net) {
        VatDecision decision = decide(buyer);
        BigDecimal vat = vatOn(net, decision.rate());
        BigDecimal scaledNet = net.setScale(2, RoundingMode.HALF_UP);
        return new VatAmounts(decision, scaledNet, vat, scaledNet.add(vat));
    }

    /** VAT on {@code net} at {@code ratePercent}, rounded half up to the cent. */
    public static BigDecimal vatOn(BigDecimal net, BigDecimal ratePercent) {
        return net.multiply(ratePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** Upper case, trimmed; Greece's ISO code {@code GR} is its VAT prefix {@code EL}. */
    private static String code(String country) {
        String c = country.strip().toUpperCase(Locale.ROOT);
        return c.equals("GR") ? "EL" : c;
    }
}
