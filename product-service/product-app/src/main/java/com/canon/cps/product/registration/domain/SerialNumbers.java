package com.canon.cps.product.registration.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Serial numbers as typed by people: "0120 21001234", "012021-001234" and "012021001234" are one camera. The
 * uniqueness claim uses the normalised form (no spaces, dashes, dots or slashes; upper case); the registration keeps
 * what the member typed.
 */
public final class SerialNumbers {

    /** Letters, digits and the separators people type; at most 40 characters. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s./-]");

    private SerialNumbers() {}

    public static boolean acceptable(String serial) {
        return serial != null
                && ACCEPTED.matcher(serial.trim()).matches()
                && !normalise(serial).isEmpty();
    }

    public static String normalise(String serial) {
        return SEPARATORS.matcher(serial.trim()).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
