package com.canon.cps.product.registration.domain;

import java.util.Locale;
import java.util.Set;

/** Countries of purchase are ISO 3166-1 alpha-2 codes, as the JDK knows them (GB, not UK; GR, not EL). */
public final class CountryCodes {

    private static final Set<String> ISO = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private CountryCodes() {}

    /** True for an upper-case ISO 3166-1 alpha-2 code. */
    public static boolean isIso(String code) {
        return code != null && ISO.contains(code);
    }
}
