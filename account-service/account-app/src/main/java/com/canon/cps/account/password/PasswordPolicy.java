package com.canon.cps.account.password;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a member password must be: at least 12 characters; letters, digits and other characters not all of one kind
 * (at least two of the three); not containing the local part of the member's e-mail address (or a part of it of 3 or
 * more characters, split at {@code . _ - +}); at most 72 bytes in UTF-8, the most BCrypt reads (a longer one would be
 * silently cut, so it is refused rather than half-used).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /**
     * The rules {@code password} breaks for the member (or operator, ADR 19) with {@code email}; empty if it is
     * acceptable.
     */
    public static List<String> violations(String password, String email) {
        List<String> violations = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            violations.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add("must be at most " + MAX_BYTES + " bytes long");
        }
        if (kinds(password) < 2) {
            violations.add("must mix at least two of: letters, digits, other characters");
        }
        if (containsEmailName(password, email)) {
            violations.add("must not contain the name of your e-mail address");
        }
        return violations;
    }

    private static int kinds(String password) {
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static boolean containsEmailName(String password, String email) {
        if (email == null || email.indexOf('@') <= 0) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email.substring(0, email.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(Arrays.asList(local.split("[._+-]")));
        names.add(local);
        return names.stream().filter(n -> n.length() >= 3).anyMatch(lower::contains);
    }
}
