package com.canon.cps.notification;

import com.canon.cps.billing.contract.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * An amount of money as the e-mails write it: English puts the symbol first ({@code £102.00}, {@code €119.00}) or
 * the code and a space ({@code CHF 95.00}); German puts symbol or code after the number ({@code 102,00 £},
 * {@code 95,00 CHF}). Only currencies with a symbol everyone reads are written with it; the rest keep their code.
 */
public record Amount(BigDecimal value, String currency) {

    private static final Map<String, String> SYMBOLS = Map.of("GBP", "£", "EUR", "€");

    public static Amount of(Money money) {
        return new Amount(new BigDecimal(money.amount()), money.currency());
    }

    String format(Locale locale) {
        boolean german = Locale.GERMAN.getLanguage().equals(locale.getLanguage());
        DecimalFormat number =
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(german ? Locale.GERMAN : Locale.ENGLISH));
        int digits = fractionDigits(currency);
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setRoundingMode(RoundingMode.HALF_UP);
        String amount = number.format(value);
        String symbol = SYMBOLS.get(currency);
        if (german) {
            return amount + " " + (symbol != null ? symbol : currency);
        }
        return symbol != null ? symbol + amount : currency + " " + amount;
    }

    private static int fractionDigits(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
