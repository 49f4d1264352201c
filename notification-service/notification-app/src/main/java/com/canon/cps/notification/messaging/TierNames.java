package com.canon.cps.notification.messaging;

import java.util.Locale;

/** Membership tiers in words for the e-mails. */
final class TierNames {

    private TierNames() {}

    /** {@code SILVER} → {@code Silver}, {@code BUSINESS_A} → {@code Business A}: the contract carries codes only. */
    static String of(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : (code == null ? "" : code).toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }
}
