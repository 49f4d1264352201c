package com.canon.cps.billing.payment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The card numbers the simulator's hosted card form accepts (Stripe's test cards), and what the card does: declined
 * at once by the zero-amount verification, or approved, after which the issued token answers later calls like the
 * fixed test token {@link #behavesLike}.
 */
enum TestCard {
    /** Approved; later charges succeed. */
    VISA("4242424242424242", "tok_visa"),
    /** Approved now; later charges are declined. */
    DECLINE_CHARGE("4000000000000341", "tok_decline_charge"),
    /** Approved now; later (off-session) charges need the cardholder's authentication. */
    AUTHENTICATION_REQUIRED("4000002760003184", "tok_auth_required"),
    /** Declined by the zero-amount verification: no token is issued. */
    DECLINED("4000000000000002", null);

    private final String number;
    private final String behavesLike;

    TestCard(String number, String behavesLike) {
        this.number = number;
        this.behavesLike = behavesLike;
    }

    /** The test card with these digits (no separators), if it is one. */
    static Optional<TestCard> withNumber(String digits) {
        return Arrays.stream(values()).filter(c -> c.number.equals(digits)).findFirst();
    }

    /** The number grouped in fours, as printed on the card form's list of test cards. */
    String displayNumber() {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    boolean declinedAtVerification() {
        return behavesLike == null;
    }

    /** The fixed test token whose answers a token issued for this card gives; {@code null} when declined. */
    String behavesLike() {
        return behavesLike;
    }

    String brand() {
        return "visa";
    }

    String last4() {
        return number.substring(number.length() - 4);
    }
}
