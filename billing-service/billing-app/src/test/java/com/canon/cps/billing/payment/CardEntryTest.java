package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.payment.CardEntry.Field;
import com.canon.cps.billing.payment.CardEntry.Problem;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hosted card form's field checks: test cards only, a future MM/YY, a CVC of 3 or 4 digits. */
class CardEntryTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4242 4242 4242 4242, VISA",
        "4242424242424242, VISA",
        "4000 0000 0000 0341, DECLINE_CHARGE",
        "4000 0027 6000 3184, AUTHENTICATION_REQUIRED",
        "4000-0000-0000-0002, DECLINED",
        "' 4242 4242 4242 4242 ', VISA"
    })
    void testCards_areRecognised_withSpaces(String number, TestCard card) {
        CardEntry entry = CardEntry.check(number, "12/30", "123", NOW);

        assertThat(entry.problems()).isEmpty();
        assertThat(entry.card()).contains(card);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingNumber(String number) {
        assertThat(CardEntry.check(number, "12/30", "123", NOW).problems())
                .isEqualTo(Map.of(Field.CARD_NUMBER, Problem.CARD_NUMBER_MISSING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242 4242 4242 4241", "4242", "abcd efgh", "42424242424242424242", "tok_visa"})
    void invalidNumbers(String number) {
        CardEntry entry = CardEntry.check(number, "12/30", "123", NOW);

        assertThat(entry.problems()).isEqualTo(Map.of(Field.CARD_NUMBER, Problem.CARD_NUMBER_INVALID));
        assertThat(entry.card()).isEmpty();
    }

    @Test
    void aValidNumberThatIsNoTestCard_isRefusedInTestMode() {
        assertThat(CardEntry.check("5555 5555 5555 4444", "12/30", "123", NOW).problems())
                .isEqualTo(Map.of(Field.CARD_NUMBER, Problem.NOT_A_TEST_CARD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/26", "1/27", "01/27", "12 / 30", "06/99"})
    void expiry_thisMonthOrLater_isFine(String expiry) {
        assertThat(CardEntry.check("4242424242424242", expiry, "123", NOW).problems())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/26", "12/25", "01/00"})
    void expiry_beforeThisMonth_hasExpired(String expiry) {
        assertThat(CardEntry.check("4242424242424242", expiry, "123", NOW).problems())
                .isEqualTo(Map.of(Field.EXPIRY, Problem.EXPIRED));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"13/30", "00/30", "1230", "12/2030", "MM/YY", "12-30", "12/3"})
    void expiry_notMMYY_isInvalid(String expiry) {
        assertThat(CardEntry.check("4242424242424242", expiry, "123", NOW).problems())
                .isEqualTo(Map.of(Field.EXPIRY, Problem.EXPIRY_INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1234", " 123 "})
    void cvc_threeOrFourDigits(String cvc) {
        assertThat(CardEntry.check("4242424242424242", "12/30", cvc, NOW).problems())
                .isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12", "12345", "12a", "1 23"})
    void cvc_otherwise_isInvalid(String cvc) {
        assertThat(CardEntry.check("4242424242424242", "12/30", cvc, NOW).problems())
                .isEqualTo(Map.of(Field.CVC, Problem.CVC_INVALID));
    }

    @Test
    void everyFieldReportsItsOwnProblem_andNoCardIsGiven() {
        CardEntry entry = CardEntry.check("4242 4242 4242 4241", "13/30", "1", NOW);

        assertThat(entry.problems())
                .isEqualTo(Map.of(
                        Field.CARD_NUMBER, Problem.CARD_NUMBER_INVALID,
                        Field.EXPIRY, Problem.EXPIRY_INVALID,
                        Field.CVC, Problem.CVC_INVALID));
        assertThat(entry.card()).isEmpty();
        assertThat(CardEntry.check("4242424242424242", "11/26", "123", NOW).card())
                .as("a fine card number with a refused expiry gives no card")
                .isEmpty();
    }

    @Test
    void toString_neverShowsTheCardNumber() {
        assertThat(CardEntry.check("4242 4242 4242 4242", "12/30", "123", NOW).toString())
                .doesNotContain("4242")
                .doesNotContain("123");
    }
}
