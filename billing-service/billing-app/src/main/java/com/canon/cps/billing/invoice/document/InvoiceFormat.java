package com.canon.cps.billing.invoice.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How invoices (and e-mails about them) write amounts, dates and rates, in English or German: {@code "de"} is German,
 * anything else English. Independent of the JVM's default locale, so the same invoice always prints the same.
 *
 * <table>
 *   <caption>Examples</caption>
 *   <tr><th></th><th>English</th><th>German</th></tr>
 *   <tr><td>amount</td><td>£85.00, €1,000.00, CHF 95.00</td><td>85,00 £, 1.000,00 €, 95,00 CHF</td></tr>
 *   <tr><td>date</td><td>27/11/2026</td><td>27.11.2026</td></tr>
 *   <tr><td>rate</td><td>20%, 7.7%</td><td>20 %, 7,7 %</td></tr>
 * </table>
 */
final class InvoiceFormat {

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);

    private InvoiceFormat() {}

    /** Whether texts for this language are German ({@code "de"}, {@code "de-CH"}, ...); otherwise English. */
    public static boolean german(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("de");
    }

    /**
     * The amount with 2 decimals (half up), thousands grouped, and its currency: English {@code "£85.00"},
     * {@code "€100.00"}, {@code "CHF 95.00"}; German {@code "85,00 £"}, {@code "100,00 €"}, {@code "95,00 CHF"}. GBP,
     * EUR and USD are written with their symbol, every other currency with its code.
     */
    public static String amount(BigDecimal amount, String currency, String language) {
        boolean de = german(language);
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        String digits = number(rounded.abs(), de, "#,##0.00");
        String sign = rounded.signum() < 0 ? "-" : "";
        String code = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        String symbol = switch (code) {
            case "GBP" -> "£";
            case "EUR" -> "€";
            case "USD" -> "$";
            default -> null;
        };
        if (de) {
            return sign + digits + " " + (symbol != null ? symbol : code);
        }
        return symbol != null ? sign + symbol + digits : sign + code + " " + digits;
    }

    /** {@code dd/MM/yyyy} in English, {@code dd.MM.yyyy} in German. */
    public static String date(LocalDate date, String language) {
        return (german(language) ? GERMAN_DATE : ENGLISH_DATE).format(date);
    }

    /** A percentage without needless decimals: {@code "20%"}, {@code "7.7%"}; German {@code "20 %"}, {@code "7,7 %"}. */
    public static String percent(BigDecimal rate, String language) {
        boolean de = german(language);
        BigDecimal plain = rate.stripTrailingZeros();
        String digits = number(plain.scale() < 0 ? plain.setScale(0) : plain, de, "0.##########");
        return de ? digits + " %" : digits + "%";
    }

    private static String number(BigDecimal value, boolean german, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(german ? ',' : '.');
        symbols.setGroupingSeparator(german ? '.' : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
