package com.canon.cps.portal.web;

import com.canon.cps.portal.client.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and money as the page's language writes them, for templates ({@code ${@formats.date(...)}}): English pages
 * {@code 19/09/2027} and {@code £85}, German ones {@code 19.09.2027} and {@code 85 £}. A price without pence is
 * written without them, as the seed does ("Price: £85 excl. VAT per year"); amounts on invoices always have them.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Brussels");

    /** An ISO date ({@code 2027-09-19}); empty for none. */
    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        return LocalDate.parse(isoDate.substring(0, 10)).format(dateFormat());
    }

    /** The day of an instant, in Central European time. */
    public String day(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        return Instant.parse(instant).atZone(DISPLAY_ZONE).toLocalDate().format(dateFormat());
    }

    /** Day and time of an instant, in Central European time ({@code 06/12/2026 14:05} / {@code 06.12.2026 14:05}). */
    public String moment(Instant instant) {
        if (instant == null) {
            return "";
        }
        java.time.ZonedDateTime at = instant.atZone(DISPLAY_ZONE);
        return at.toLocalDate().format(dateFormat()) + " "
                + at.toLocalTime().withSecond(0).withNano(0);
    }

    /** A VAT rate as the service gives it ({@code "20.00"}): {@code 20 %}, {@code 0 %}, {@code 7.5 %}. */
    public String percent(String rate) {
        if (rate == null || rate.isBlank()) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(german() ? Locale.GERMANY : Locale.UK);
        format.setMaximumFractionDigits(2);
        return format.format(new BigDecimal(rate)) + " %";
    }

    /** Points as the messages write them ({@code 1,220} / {@code 1.220}); {@code signed} adds a plus to a gain. */
    public String points(int points, boolean signed) {
        String number = NumberFormat.getIntegerInstance(german() ? Locale.GERMANY : Locale.UK)
                .format(points);
        return signed && points > 0 ? "+" + number : number;
    }

    public String money(Money money) {
        return money == null ? "" : format(money, false);
    }

    public String price(Money money) {
        return money == null ? "" : format(money, true);
    }

    private static String format(Money money, boolean dropZeroPence) {
        NumberFormat format = NumberFormat.getCurrencyInstance(german() ? Locale.GERMANY : Locale.UK);
        format.setCurrency(Currency.getInstance(money.currency()));
        BigDecimal value = money.value();
        if (dropZeroPence && value.stripTrailingZeros().scale() <= 0) {
            format.setMinimumFractionDigits(0);
            format.setMaximumFractionDigits(0);
        }
        return format.format(value).replace('\u00a0', ' ');
    }

    private static DateTimeFormatter dateFormat() {
        return german() ? DE : EN;
    }

    private static boolean german() {
        return "de".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
