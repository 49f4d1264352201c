package com.canon.cps.billing.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor references ("RF references"): {@code RF}, two check digits, and a base of 1 to 21
 * letters and digits, at most 25 characters in all. The check digits make the whole reference, with its first four
 * characters moved to the end and letters turned into numbers ({@code A} = 10 ... {@code Z} = 35), equal 1 modulo 97
 * (as for an IBAN). The electronic form is compact and upper-case ({@code RF18539007547034}); the printed form groups
 * it in fours ({@code RF18 5390 0754 7034}).
 */
public final class CreditorReference {

    private static final int MAX_BASE_LENGTH = 21;
    private static final Pattern BASE = Pattern.compile("[A-Z0-9]{1," + MAX_BASE_LENGTH + "}");
    private static final Pattern REFERENCE = Pattern.compile("RF[0-9]{2}[A-Z0-9]{1," + MAX_BASE_LENGTH + "}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Where a reference may start in free text: {@code RF} and two digits, not inside a longer word. */
    private static final Pattern START = Pattern.compile("(?<![A-Z0-9])RF[0-9]{2}");

    private CreditorReference() {}

    /** RF + 2 check digits + base (base: 1..21 letters/digits, upper-cased); ISO 11649 mod 97. */
    public static String create(String base) {
        String b = normalise(base);
        if (!BASE.matcher(b).matches()) {
            throw new IllegalArgumentException(
                    "A creditor reference base has 1 to " + MAX_BASE_LENGTH + " letters or digits: " + base);
        }
        int check = 98 - mod97(b + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + b;
    }

    /** Whether the text, after {@link #normalise}, is a reference with correct check digits. */
    public static boolean isValid(String reference) {
        String r = normalise(reference);
        return REFERENCE.matcher(r).matches() && mod97(r.substring(4) + r.substring(0, 4)) == 1;
    }

    /** Strip whitespace, upper-case ({@code ""} for {@code null}). */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /**
     * First valid RF reference inside free text (remittance information), if any, normalised. A reference counts in
     * its compact form ({@code "Inv. RF18539007547034, thanks"}) or in its printed form, groups of at most four
     * separated by single spaces ({@code "RF18 5390 0754 7034 thanks"}); of the printed candidates the longest one
     * with valid check digits wins. Case does not matter.
     */
    public static Optional<String> find(String freeText) {
        if (freeText == null || freeText.isEmpty()) {
            return Optional.empty();
        }
        String text = freeText.toUpperCase(Locale.ROOT);
        Matcher start = START.matcher(text);
        while (start.find()) {
            int end = alphanumericRunEnd(text, start.start());
            String compact = text.substring(start.start(), end);
            if (isValid(compact)) {
                return Optional.of(compact);
            }
            if (end == start.end()) {
                Optional<String> printed = printedAt(text, end);
                if (printed.isPresent()) {
                    return printed;
                }
            }
        }
        return Optional.empty();
    }

    /** Printed form in groups of four: "RF18 5390 0754 7034". Formats the normalised text without validating it. */
    public static String printed(String reference) {
        String r = normalise(reference);
        StringBuilder sb = new StringBuilder(r.length() + r.length() / 4);
        for (int i = 0; i < r.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(r, i, Math.min(r.length(), i + 4));
        }
        return sb.toString();
    }

    /** After a lone {@code RFnn} at {@code from}: the groups that follow, longest valid combination first. */
    private static Optional<String> printedAt(String text, int from) {
        String head = text.substring(from - 4, from);
        List<String> groups = new ArrayList<>();
        int baseLength = 0;
        int i = from;
        while (i + 1 < text.length() && Character.isWhitespace(text.charAt(i)) && isAlphanumeric(text.charAt(i + 1))) {
            int end = alphanumericRunEnd(text, i + 1);
            String group = text.substring(i + 1, end);
            if (group.length() > 4 || baseLength + group.length() > MAX_BASE_LENGTH) {
                break;
            }
            groups.add(group);
            baseLength += group.length();
            i = end;
            if (group.length() < 4) {
                break; // only the last group may be short
            }
        }
        for (int n = groups.size(); n > 0; n--) {
            String candidate = head + String.join("", groups.subList(0, n));
            if (isValid(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int alphanumericRunEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isAlphanumeric(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The number the characters spell ({@code A} = 10 ... {@code Z} = 35), modulo 97. */
    private static int mod97(String characters) {
        int remainder = 0;
        for (int i = 0; i < characters.length(); i++) {
            int value = Character.digit(characters.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
