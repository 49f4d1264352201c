package com.canon.cps.portal.products;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as people type it on an English or German page: day first, {@code 3/5/2024}, {@code 03/05/2024},
 * {@code 3.5.2024}, {@code 03-05-2024}, or ISO {@code 2024-05-03}. A text field, not the browser's date picker, whose
 * format follows the browser's locale rather than the page's language.
 */
final class Dates {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Dates() {}

    static Optional<String> iso(String typed) {
        String text = typed.trim();
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return Optional.of(date(iso.group(1), iso.group(2), iso.group(3)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return Optional.of(date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1)));
            }
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String date(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                .toString();
    }
}
