package com.canon.cps.portal.browser;

import com.canon.cps.platform.test.Mailbox;
import java.util.regex.Pattern;

/** The e-mails a person reads: the links and codes in them, as the SMTP server received them. */
final class Mails {

    private static final String TOKEN = "\\?token=[A-Za-z0-9_\\-.~%]+)";

    /** The browser platform's mailbox. */
    static final Mailbox MAIL =
            Mailbox.of(() -> BrowserPlatform.get().infrastructure().smtp());

    private Mails() {}

    /** Waits for the e-mail with a password link ({@code set} or {@code reset}) and returns the link. */
    static String awaitPasswordLink(String email, String kind) {
        return awaitLink(email, kind + "-password");
    }

    /** Waits for an e-mail to {@code email} with a link to the portal's {@code path} and returns the link. */
    static String awaitLink(String email, String path) {
        return find(email, Pattern.compile("(https?://[^\\s\"<>]+/" + Pattern.quote(path) + TOKEN));
    }

    /** Waits for the six-digit code for the old CPS e-mail address, sent to that address. */
    static String awaitLegacyCode(String legacyEmail) {
        return find(legacyEmail, Pattern.compile("(?:Your code|Dein Code): (\\d{6})"));
    }

    private static String find(String email, Pattern pattern) {
        return MAIL.awaitGroup(email, pattern);
    }
}
