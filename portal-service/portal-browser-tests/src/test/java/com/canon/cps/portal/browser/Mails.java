package com.canon.cps.portal.browser;

import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The e-mails a person reads: the links and codes in them, as the SMTP server received them. */
final class Mails {

    private static final String TOKEN = "\\?token=[A-Za-z0-9_\\-.~%]+)";

    private Mails() {}

    /** Waits for the e-mail with a password link ({@code set} or {@code reset}) and returns the link. */
    static String awaitPasswordLink(String email, String kind) {
        return awaitLink(email, kind + "-password");
    }

    /** Waits for an e-mail to {@code email} with a link to the portal's {@code path} and returns the link. */
    static String awaitLink(String email, String path) {
        return find(email, Pattern.compile("(https?://[^\\s\"<>]+/" + Pattern.quote(path) + TOKEN), path + " link");
    }

    /** Waits for the six-digit code for the old CPS e-mail address, sent to that address. */
    static String awaitLegacyCode(String legacyEmail) {
        return find(legacyEmail, Pattern.compile("(?:Your code|Dein Code): (\\d{6})"), "code");
    }

    private static String find(String email, Pattern pattern, String what) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (CapturedMail mail : BrowserPlatform.mailTo(email)) {
                        Matcher m = pattern.matcher(mail.text());
                        if (m.find()) {
                            found[0] = m.group(1);
                            return;
                        }
                    }
                    throw new AssertionError("no e-mail with a " + what + " to " + email + " yet");
                });
        return found[0];
    }
}
