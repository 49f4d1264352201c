package com.canon.cps.billing.payment;

import java.util.Locale;
import java.util.Optional;

/** The fixed texts of the simulator's hosted card form in one language ({@code en} or {@code de}). */
record CardFormText(
        String language,
        String title,
        String intro,
        String cardNumber,
        String expiry,
        String cvc,
        String authorise,
        String cancel,
        String testCards,
        String testCardsIntro,
        String approved,
        String declineCharge,
        String authenticationRequired,
        String declined,
        String cardNumberMissing,
        String cardNumberInvalid,
        String notATestCard,
        String expiryInvalid,
        String expired,
        String cvcInvalid,
        String problemTitle,
        String badRequest,
        String unavailable) {

    static final CardFormText ENGLISH = new CardFormText(
            "en",
            "Payment gateway (test mode)",
            "Enter your card details. No money is taken now: the card is only verified, with an amount of zero.",
            "Card number",
            "Expiry (MM/YY)",
            "CVC",
            "Authorise",
            "Cancel",
            "Test cards",
            "This gateway is in test mode and accepts only these cards (any future expiry date, any 3-digit CVC):",
            "approved; later payments succeed",
            "approved; later payments are declined",
            "approved; later payments need the cardholder's authentication",
            "declined",
            "Enter the card number.",
            "This card number is not valid. Check it and try again.",
            "This gateway is in test mode: use one of the test cards listed below.",
            "Enter the expiry date as MM/YY, for example 12/30.",
            "This card has expired.",
            "Enter the 3- or 4-digit security code (CVC) from the back of the card.",
            "The payment page cannot be shown",
            "The payment page was opened with an invalid or missing return address or language. Go back to the shop"
                    + " and start the payment again.",
            "The payment gateway is not available at the moment. Please try again in a few minutes.");

    static final CardFormText GERMAN = new CardFormText(
            "de",
            "Zahlungsanbieter (Testmodus)",
            "Geben Sie Ihre Kartendaten ein. Jetzt wird kein Geld abgebucht: Die Karte wird nur mit einem Betrag von"
                    + " null geprüft.",
            "Kartennummer",
            "Gültig bis (MM/JJ)",
            "Prüfziffer (CVC)",
            "Autorisieren",
            "Abbrechen",
            "Testkarten",
            "Dieser Zahlungsanbieter ist im Testmodus und nimmt nur diese Karten an (jedes künftige Ablaufdatum,"
                    + " jede dreistellige Prüfziffer):",
            "angenommen; spätere Zahlungen gelingen",
            "angenommen; spätere Zahlungen werden abgelehnt",
            "angenommen; spätere Zahlungen erfordern die Authentifizierung durch den Karteninhaber",
            "abgelehnt",
            "Geben Sie die Kartennummer ein.",
            "Diese Kartennummer ist ungültig. Bitte prüfen Sie sie und versuchen Sie es erneut.",
            "Dieser Zahlungsanbieter ist im Testmodus: Verwenden Sie eine der unten aufgeführten Testkarten.",
            "Geben Sie das Ablaufdatum als MM/JJ ein, zum Beispiel 12/30.",
            "Diese Karte ist abgelaufen.",
            "Geben Sie die 3- oder 4-stellige Prüfziffer (CVC) von der Kartenrückseite ein.",
            "Die Zahlungsseite kann nicht angezeigt werden",
            "Die Zahlungsseite wurde mit einer ungültigen oder fehlenden Rücksprungadresse oder Sprache aufgerufen."
                    + " Kehren Sie zum Shop zurück und starten Sie die Zahlung erneut.",
            "Der Zahlungsanbieter ist im Moment nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.");

    /** The texts for {@code locale} ({@code en} when absent); empty for a language the form does not speak. */
    static Optional<CardFormText> forLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.of(ENGLISH);
        }
        return switch (locale.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> Optional.of(ENGLISH);
            case "de" -> Optional.of(GERMAN);
            default -> Optional.empty();
        };
    }

    String problem(CardEntry.Problem problem) {
        return switch (problem) {
            case CARD_NUMBER_MISSING -> cardNumberMissing;
            case CARD_NUMBER_INVALID -> cardNumberInvalid;
            case NOT_A_TEST_CARD -> notATestCard;
            case EXPIRY_INVALID -> expiryInvalid;
            case EXPIRED -> expired;
            case CVC_INVALID -> cvcInvalid;
        };
    }

    String outcome(TestCard card) {
        return switch (card) {
            case VISA -> approved;
            case DECLINE_CHARGE -> declineCharge;
            case AUTHENTICATION_REQUIRED -> authenticationRequired;
            case DECLINED -> declined;
        };
    }
}
