package com.canon.cps.billing.invoice.document;

import com.canon.cps.billing.invoice.domain.LineDescriptions;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The invoice line as it has always read, in every language: {@code Canon Professional Services : Silver}, with
 * {@code (renewal)} after a renewed term. Orders carry tier codes only, so the tier's name is made from its code.
 */
@Component
class TierLineDescriptions implements LineDescriptions {

    @Override
    public String describe(String tier, boolean renewal) {
        return "Canon Professional Services : " + tierName(tier) + (renewal ? " (renewal)" : "");
    }

    /** {@code SILVER} → {@code Silver}, {@code BUSINESS_A} → {@code Business A}. */
    static String tierName(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }
}
