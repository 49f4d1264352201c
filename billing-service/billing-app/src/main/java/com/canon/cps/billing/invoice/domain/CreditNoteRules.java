package com.canon.cps.billing.invoice.domain;

import com.canon.cps.billing.invoice.domain.InvoiceRuleViolation.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much a credit note credits, as a pure function: the gross asked for (all that is not credited yet by default),
 * split into net and VAT at the invoice's rate. The last credit note takes exactly the net and VAT still
 * uncredited, so the credit notes of an invoice add up to its net, VAT and gross to the cent.
 */
final class CreditNoteRules {

    private CreditNoteRules() {}

    /** Net, VAT and gross of one credit note. */
    record Amounts(BigDecimal net, BigDecimal vat, BigDecimal gross) {}

    static Amounts amounts(
            BigDecimal requested,
            BigDecimal net,
            BigDecimal vat,
            BigDecimal rate,
            BigDecimal creditedNet,
            BigDecimal creditedVat) {
        BigDecimal remainingNet = net.subtract(creditedNet);
        BigDecimal remainingVat = vat.subtract(creditedVat);
        BigDecimal remaining = remainingNet.add(remainingVat);
        if (remaining.signum() <= 0) {
            throw new InvoiceRuleViolation(Rule.FULLY_CREDITED, "The invoice is credited in full already");
        }
        if (requested == null || requested.compareTo(remaining) == 0) {
            return new Amounts(remainingNet, remainingVat, remaining);
        }
        if (requested.signum() <= 0 || requested.stripTrailingZeros().scale() > 2) {
            throw new InvoiceRuleViolation(
                    Rule.INVALID_AMOUNT, "The amount must be positive, with at most two decimals");
        }
        if (requested.compareTo(remaining) > 0) {
            throw new InvoiceRuleViolation(
                    Rule.INVALID_AMOUNT,
                    "The amount can be at most " + remaining.toPlainString() + ", what is not credited yet");
        }
        BigDecimal gross = requested.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vatPart = gross.multiply(rate)
                .divide(BigDecimal.valueOf(100).add(rate), 2, RoundingMode.HALF_UP)
                .min(remainingVat);
        BigDecimal netPart = gross.subtract(vatPart);
        if (netPart.compareTo(remainingNet) > 0) {
            netPart = remainingNet;
            vatPart = gross.subtract(netPart);
        }
        return new Amounts(netPart, vatPart, gross);
    }
}
