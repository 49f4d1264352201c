package com.canon.cps.product.registration.web;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.product.registration.domain.CountryCodes;
import com.canon.cps.product.registration.domain.DetailsChange;
import com.canon.cps.product.registration.domain.InvalidProductDetails;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.SerialNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Checks a product request field by field and turns it into domain values; every invalid field is reported at once
 * (400 with {@code errors}). Rules that need the registration or the clock (future dates, estimates without a value)
 * are the domain's.
 */
final class ProductRequests {

    static final int MAX_DEALER_LENGTH = 200;

    private ProductRequests() {}

    /** The validated registration request. */
    record Registration(String modelCode, String serialNumber, PurchaseDetails details) {}

    static Registration registration(ProductRequest r) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (blank(r.modelCode())) {
            errors.add(new ApiProblem.FieldError("modelCode", "is required"));
        }
        // the serial number may come later (the registration is incomplete until then); given, it must be one
        serialNumber(r, errors);
        DetailsChange change = change(r, errors);
        refuseIfAny(errors);
        try {
            return new Registration(
                    r.modelCode().trim(),
                    r.serialNumber() == null ? null : r.serialNumber().trim(),
                    PurchaseDetails.NONE.with(change));
        } catch (InvalidProductDetails e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
    }

    /** The validated change of a registration: purchase details and, for one registered without it, the serial. */
    record Update(DetailsChange change, String serialNumber) {}

    static Update update(ProductRequest r) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (r.modelCode() != null) {
            errors.add(new ApiProblem.FieldError(
                    "modelCode", "cannot be changed: deregister the product and register the right one"));
        }
        serialNumber(r, errors);
        DetailsChange change = change(r, errors);
        refuseIfAny(errors);
        return new Update(
                change, r.serialNumber() == null ? null : r.serialNumber().trim());
    }

    /** A serial number is optional; one that is given (not null) must be a serial number. */
    private static void serialNumber(ProductRequest r, List<ApiProblem.FieldError> errors) {
        if (r.serialNumber() != null && (blank(r.serialNumber()) || !SerialNumbers.acceptable(r.serialNumber()))) {
            errors.add(new ApiProblem.FieldError(
                    "serialNumber", "must be 1 to 40 letters, digits, spaces, dots, dashes or slashes"));
        }
    }

    private static DetailsChange change(ProductRequest r, List<ApiProblem.FieldError> errors) {
        LocalDate date = null;
        if (r.purchaseDate() != null) {
            try {
                date = LocalDate.parse(r.purchaseDate().trim());
            } catch (DateTimeParseException e) {
                errors.add(new ApiProblem.FieldError("purchaseDate", "must be an ISO date (yyyy-MM-dd)"));
            }
        }
        String country = null;
        if (r.countryOfPurchase() != null) {
            country = r.countryOfPurchase().trim().toUpperCase(Locale.ROOT);
            if (!CountryCodes.isIso(country)) {
                errors.add(new ApiProblem.FieldError(
                        "countryOfPurchase", "must be an ISO 3166-1 alpha-2 country code, e.g. GB or DE"));
            }
        }
        String dealer = null;
        if (r.dealer() != null) {
            dealer = r.dealer().trim();
            if (dealer.isEmpty() || dealer.length() > MAX_DEALER_LENGTH) {
                errors.add(new ApiProblem.FieldError(
                        "dealer", "must be 1 to " + MAX_DEALER_LENGTH + " characters when given"));
            }
        }
        return new DetailsChange(date, r.purchaseDateEstimated(), country, dealer, r.dealerEstimated());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void refuseIfAny(List<ApiProblem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The product has invalid fields", errors);
        }
    }
}
