package com.canon.cps.billing.payment;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was typed into the hosted card form, checked as a gateway checks it before it asks the issuer: a card number
 * (spaces allowed) that passes the Luhn check and is one of the {@link TestCard test cards}, an expiry {@code MM/YY}
 * not before the current month, and a CVC of 3 or 4 digits. At most one problem per field.
 *
 * <p>The card number lives only in this object for the duration of the request: it is never stored, hashed or logged,
 * and {@link #toString()} does not show it.
 */
final class CardEntry {

    /** A form field, by its HTML name. */
    enum Field {
        CARD_NUMBER("card_number"),
        EXPIRY("expiry"),
        CVC("cvc");

        private final String name;

        Field(String name) {
            this.name = name;
        }

        String htmlName() {
            return name;
        }
    }

    /** Why a field was refused; the form shows a sentence for each at its field. */
    enum Problem {
        CARD_NUMBER_MISSING(Field.CARD_NUMBER),
        CARD_NUMBER_INVALID(Field.CARD_NUMBER),
        NOT_A_TEST_CARD(Field.CARD_NUMBER),
        EXPIRY_INVALID(Field.EXPIRY),
        EXPIRED(Field.EXPIRY),
        CVC_INVALID(Field.CVC);

        private final Field field;

        Problem(Field field) {
            this.field = field;
        }

        Field field() {
            return field;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2})");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
    private static final int MAX_INPUT_LENGTH = 64;

    private final TestCard card;
    private final Map<Field, Problem> problems;

    private CardEntry(TestCard card, Map<Field, Problem> problems) {
        this.card = card;
        this.problems = problems;
    }

    /**
     * @param thisMonth the current month on the gateway's clock: a card expiring in it is still valid
     */
    static CardEntry check(String cardNumber, String expiry, String cvc, YearMonth thisMonth) {
        Map<Field, Problem> problems = new EnumMap<>(Field.class);
        TestCard card = null;
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            problems.put(Field.CARD_NUMBER, Problem.CARD_NUMBER_MISSING);
        } else if (cardNumber.length() > MAX_INPUT_LENGTH
                || !NUMBER.matcher(digits).matches()
                || !luhn(digits)) {
            problems.put(Field.CARD_NUMBER, Problem.CARD_NUMBER_INVALID);
        } else {
            card = TestCard.withNumber(digits).orElse(null);
            if (card == null) {
                problems.put(Field.CARD_NUMBER, Problem.NOT_A_TEST_CARD);
            }
        }
        Optional<YearMonth> expires = expiry(expiry);
        if (expires.isEmpty()) {
            problems.put(Field.EXPIRY, Problem.EXPIRY_INVALID);
        } else if (expires.get().isBefore(thisMonth)) {
            problems.put(Field.EXPIRY, Problem.EXPIRED);
        }
        if (cvc == null || !CVC.matcher(cvc.strip()).matches()) {
            problems.put(Field.CVC, Problem.CVC_INVALID);
        }
        return new CardEntry(problems.isEmpty() ? card : null, Map.copyOf(problems));
    }

    /** The test card, when every field is fine. */
    Optional<TestCard> card() {
        return Optional.ofNullable(card);
    }

    Map<Field, Problem> problems() {
        return problems;
    }

    /** {@code MM/YY} (a one-digit month and spaces around the slash allowed), years 2000 to 2099. */
    static Optional<YearMonth> expiry(String text) {
        if (text == null || text.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        Matcher m = EXPIRY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The Luhn (mod 10) check digit of card numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "CardEntry[card=" + card + ", problems=" + problems + "]";
    }
}
