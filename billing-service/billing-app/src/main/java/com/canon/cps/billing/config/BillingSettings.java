package com.canon.cps.billing.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * billing-service settings ({@code cps.billing.*}): everything docs/domain.md §5 marks as configurable.
 *
 * @param issueDelay how long after the order the invoice is issued (a few hours; zero in local mode)
 * @param paymentTerms due date = issue date + this
 * @param seriesPrefix invoice numbers are {@code <prefix>-<buyer country>-<year>-<6 digits>}
 * @param chargeRetries after the n-th failed card charge the next attempt follows after the n-th period
 * @param creditNotePrefix credit-note numbers are {@code <prefix>-<buyer country>-<year>-<6 digits>}, a series of
 *     their own
 * @param dunningEndsAfter the last dunning step: this long after the due date an invoice still unpaid is reported as
 *     unpaid after dunning ({@code InvoiceDunningExhausted}, which suspends the membership); it must come after the
 *     last card charge retry
 * @param taxRetention how long the invoices and credit notes of an erased account keep what tax law requires (ADR 24),
 *     counted from the end of the calendar year of its last one (§147 AO: 8 years for accounting vouchers)
 */
@ConfigurationProperties("cps.billing")
public record BillingSettings(
        @DefaultValue("PT2H") Duration issueDelay,
        @DefaultValue("P30D") Period paymentTerms,
        @DefaultValue("CPS") String seriesPrefix,
        @DefaultValue({"P3D", "P7D"}) List<Period> chargeRetries,
        Seller seller,
        Bank bank,
        Vat vat,
        @DefaultValue("CN") String creditNotePrefix,
        @DefaultValue("P14D") Period dunningEndsAfter,
        @DefaultValue("P8Y") Period taxRetention) {

    public BillingSettings {
        int retryDays = chargeRetries.stream().mapToInt(Period::getDays).sum();
        if (dunningEndsAfter.getDays() + 30 * dunningEndsAfter.getMonths() <= retryDays) {
            throw new IllegalArgumentException("cps.billing.dunning-ends-after (" + dunningEndsAfter
                    + ") must be longer than the card charge retries together (" + retryDays + " days)");
        }
        if (creditNotePrefix.isBlank() || creditNotePrefix.equals(seriesPrefix)) {
            throw new IllegalArgumentException(
                    "cps.billing.credit-note-prefix must be set and differ from the invoice series-prefix");
        }
    }

    /** The selling entity printed on every invoice; {@code ukVatId} replaces {@code vatId} on UK VAT invoices. */
    public record Seller(
            String name, String line1, String postalCode, String city, String country, String vatId, String ukVatId) {}

    /** The account bank transfers are paid to. */
    public record Bank(String accountHolder, String iban, String bic) {}

    /** Rates in percent and the member states for the reverse charge. */
    public record Vat(BigDecimal domesticRate, BigDecimal ukRate, List<String> euCountries) {}
}
