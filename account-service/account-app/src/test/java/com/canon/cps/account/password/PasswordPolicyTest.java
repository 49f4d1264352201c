package com.canon.cps.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lumen@lumen.example";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse 7", // letters, digits, spaces
                "Tr0ub4dor&3xyz", // all kinds
                "kaffeetasse-und-kuchen", // letters and other characters
                "1234-5678-9012", // digits and other characters
                "Grüße aus Köln 2026", // non-ASCII letters count as letters
                "abcdefghijk1", // exactly 12 characters
            })
    void acceptsLongPasswordsMixingKinds(String password) {
        assertThat(PasswordPolicy.violations(password, EMAIL)).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.violations("abcdefghi1!", EMAIL))
                .containsExactly("must be at least 12 characters long");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String elevenEmoji = "😀".repeat(10) + "1"; // 21 UTF-16 units, 11 characters
        assertThat(PasswordPolicy.violations(elevenEmoji, EMAIL)).contains("must be at least 12 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", "ABCDEFGHIJKLMN", "123456789012345", "!!!!!!!!!!!!!!!!"})
    void refusesPasswordsOfOneKind(String password) {
        assertThat(PasswordPolicy.violations(password, EMAIL))
                .containsExactly("must mix at least two of: letters, digits, other characters");
    }

    @ParameterizedTest
    @CsvSource({
        "ada.lumen-2026!,        ada.lumen@lumen.example",
        "I am Ada and 2026,       ada.lumen@lumen.example",
        "Lumen-Studio-2026,       ada.lumen@lumen.example",
        "x-MAX_MUSTER-99,         max_muster@muster.example",
        "hello-maxm+cps-1,        maxm+cps@muster.example"
    })
    void refusesPasswordsContainingTheEmailName(String password, String email) {
        assertThat(PasswordPolicy.violations(password, email))
                .containsExactly("must not contain the name of your e-mail address");
    }

    @Test
    void ignoresVeryShortEmailNameParts_andTheDomain() {
        assertThat(PasswordPolicy.violations("jo-at-lumen-2026", "j.o@lumen.example"))
                .as("parts shorter than 3 characters are not checked, the domain never")
                .isEmpty();
    }

    @Test
    void refusesPasswordsBcryptWouldCut() {
        String seventyThreeBytes = "a1".repeat(36) + "b";
        assertThat(PasswordPolicy.violations(seventyThreeBytes, EMAIL))
                .containsExactly("must be at most 72 bytes long");
        assertThat(PasswordPolicy.violations("a1".repeat(36), EMAIL)).isEmpty();
        assertThat(PasswordPolicy.violations("ä1".repeat(25), EMAIL))
                .as("75 bytes in 50 characters")
                .hasSize(1);
    }

    @Test
    void reportsEveryBrokenRule() {
        assertThat(PasswordPolicy.violations("ada", EMAIL)).hasSize(3);
    }
}
