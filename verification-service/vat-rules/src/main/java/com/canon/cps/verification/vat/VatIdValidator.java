package com.canon.cps.verification.vat;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Offline VAT ID check: normalisation, format per country and the national check-digit algorithm. No registry is
 * called; a valid result only means the number could exist.
 *
 * <p>Normalisation:
 *
 * <ol>
 *   <li>upper-case; remove whitespace (including no-break and zero-width spaces), dots, dashes (any Unicode dash),
 *       slashes, commas, colons and parentheses, so {@code "BE (0)468.561.072"} and {@code "DK: 21599336"} work;
 *   <li>Swiss numbers ({@code CHE...}) lose a trailing {@code MWST}, {@code TVA}, {@code IVA}, {@code TPV}
 *       (Romansh) or {@code VAT}; Norwegian numbers ({@code NO...}) lose a trailing {@code MVA};
 *   <li>the first two letters are the country prefix; {@code GR} is accepted as an alias of Greece's VAT prefix
 *       {@code EL} and normalised to {@code EL} (VIES only knows {@code EL});
 *   <li>legacy short forms that are unambiguous are padded: Belgian 9-digit numbers, Greek 8-digit numbers and Dutch
 *       numbers with 7 or 8 digits before the {@code B}, each with leading zeros.
 * </ol>
 *
 * <p>Thread-safe and stateless; {@link #check(String)} never throws.
 */
public final class VatIdValidator {

    private static final Map<String, NationalRule> RULES = rules();

    private static final Pattern CH_SUFFIX = Pattern.compile("^(CHE[0-9]{9})(?:MWST|TVA|IVA|TPV|VAT)$");
    private static final Pattern NO_SUFFIX = Pattern.compile("^(NO[0-9]{9})MVA$");
    private static final String SEPARATORS = ".-/,:()";

    private static final Set<String> SUPPORTED = Collections.unmodifiableSet(new TreeSet<>(RULES.keySet()));

    /**
     * Checks one VAT ID offline. Never throws: {@code null}, empty or garbage input gives {@link VatIdRejection#FORMAT}
     * (country {@code null} when there is no two-letter prefix).
     */
    public VatIdCheck check(String input) {
        if (input == null) {
            return new VatIdCheck(null, "", null, false, VatIdRejection.FORMAT);
        }
        String cleaned = stripSuffix(clean(input));
        if (cleaned.length() < 2 || !isLetter(cleaned.charAt(0)) || !isLetter(cleaned.charAt(1))) {
            return new VatIdCheck(input, cleaned, null, false, VatIdRejection.FORMAT);
        }
        String country = cleaned.substring(0, 2);
        if (country.equals("GR")) {
            country = "EL";
        }
        NationalRule rule = RULES.get(country);
        if (rule == null) {
            return new VatIdCheck(input, cleaned, country, false, VatIdRejection.UNSUPPORTED_COUNTRY);
        }
        String national = rule.canonical(cleaned.substring(2));
        VatIdRejection reason = rule.check(national);
        return new VatIdCheck(input, country + national, country, reason == null, reason);
    }

    /** The 27 EU member states (Greece as {@code EL}), {@code XI} (Northern Ireland), {@code GB}, {@code CH}, {@code NO}. */
    public static Set<String> supportedCountries() {
        return SUPPORTED;
    }

    static String clean(String input) {
        StringBuilder sb = new StringBuilder(input.length());
        input.codePoints().filter(cp -> !isSeparator(cp)).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.DASH_PUNCTUATION
                || Character.getType(cp) == Character.FORMAT
                || SEPARATORS.indexOf(cp) >= 0;
    }

    private static String stripSuffix(String cleaned) {
        var ch = CH_SUFFIX.matcher(cleaned);
        if (ch.matches()) {
            return ch.group(1);
        }
        var no = NO_SUFFIX.matcher(cleaned);
        return no.matches() ? no.group(1) : cleaned;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static Map<String, NationalRule> rules() {
        NationalRule uk = new UnitedKingdomRule();
        Map<String, NationalRule> rules = new TreeMap<>();
        rules.put("AT", new AustriaRule());
        rules.put("BE", new BelgiumRule());
        rules.put("BG", new BulgariaRule());
        rules.put("CY", new CyprusRule());
        rules.put("CZ", new CzechiaRule());
        rules.put("DE", new GermanyRule());
        rules.put("DK", new DenmarkRule());
        rules.put("EE", new EstoniaRule());
        rules.put("EL", new GreeceRule());
        rules.put("ES", new SpainRule());
        rules.put("FI", new FinlandRule());
        rules.put("FR", new FranceRule());
        rules.put("HR", new CroatiaRule());
        rules.put("HU", new HungaryRule());
        rules.put("IE", new IrelandRule());
        rules.put("IT", new ItalyRule());
        rules.put("LT", new LithuaniaRule());
        rules.put("LU", new LuxembourgRule());
        rules.put("LV", new LatviaRule());
        rules.put("MT", new MaltaRule());
        rules.put("NL", new NetherlandsRule());
        rules.put("PL", new PolandRule());
        rules.put("PT", new PortugalRule());
        rules.put("RO", new RomaniaRule());
        rules.put("SE", new SwedenRule());
        rules.put("SI", new SloveniaRule());
        rules.put("SK", new SlovakiaRule());
        rules.put("XI", uk);
        rules.put("GB", uk);
        rules.put("CH", new SwitzerlandRule());
        rules.put("NO", new NorwayRule());
        return Collections.unmodifiableMap(rules);
    }
}
