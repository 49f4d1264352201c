package com.canon.cps.product.migration.store;

import com.canon.cps.product.catalog.CatalogVersion;
import com.canon.cps.product.registration.domain.CountryCodes;
import com.canon.cps.product.registration.domain.InvalidProductDetails;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.SerialNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one line of a legacy export with the rules a member's registration follows (known model, serial number
 * present, no future purchase date, ISO country), so a migrated registration is as valid as a new one. Details may be
 * empty: such a registration is migrated incomplete and the member completes it.
 */
final class LegacyLines {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_DEALER = 200;

    private LegacyLines() {}

    /** A line that passed, or the reasons it did not (never both). */
    record Checked(LegacyRegistration registration, String reason) {}

    static Checked check(LegacyCsv.Row row, CatalogVersion catalog, Instant now) {
        if (row.error() != null) {
            return new Checked(null, row.error());
        }
        List<String> cells = row.cells();
        if (cells.size() != LegacyCsv.HEADER.size()) {
            return new Checked(null, "expected " + LegacyCsv.HEADER.size() + " fields, found " + cells.size());
        }
        List<String> problems = new ArrayList<>();
        String email = value(cells.get(0)) == null ? null : value(cells.get(0)).toLowerCase(Locale.ROOT);
        if (email == null) {
            problems.add("legacyEmail is missing");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add("legacyEmail is not an e-mail address");
        }
        String model = value(cells.get(1)) == null ? null : value(cells.get(1)).toUpperCase(Locale.ROOT);
        if (model == null) {
            problems.add("modelCode is missing");
        } else if (catalog == null || catalog.model(model).isEmpty()) {
            problems.add("modelCode " + model + " is not in the product catalogue");
        }
        String serial = value(cells.get(2));
        if (serial == null) {
            problems.add("serialNumber is missing");
        } else if (!SerialNumbers.acceptable(serial)) {
            problems.add("serialNumber must be 1 to 40 letters, digits, spaces, dots, dashes or slashes");
        }
        LocalDate date = date(value(cells.get(3)), now, problems);
        String country =
                value(cells.get(4)) == null ? null : value(cells.get(4)).toUpperCase(Locale.ROOT);
        if (country != null && !CountryCodes.isIso(country)) {
            problems.add("countryOfPurchase " + country + " is not an ISO 3166-1 alpha-2 code");
        }
        String dealer = value(cells.get(5));
        if (dealer != null && dealer.length() > MAX_DEALER) {
            problems.add("dealer is longer than " + MAX_DEALER + " characters");
        }
        if (!problems.isEmpty()) {
            return new Checked(null, String.join("; ", problems));
        }
        return new Checked(new LegacyRegistration(email, model, serial, date, country, dealer), null);
    }

    private static LocalDate date(String value, Instant now, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            new PurchaseDetails(date, false, null, null, false).requireNotInFuture(now);
            return date;
        } catch (DateTimeParseException e) {
            problems.add("purchaseDate " + value + " is not an ISO date (yyyy-MM-dd)");
        } catch (InvalidProductDetails e) {
            problems.add("purchaseDate " + value + " is in the future");
        }
        return null;
    }

    private static String value(String cell) {
        String v = cell.trim();
        return v.isEmpty() ? null : v;
    }
}
