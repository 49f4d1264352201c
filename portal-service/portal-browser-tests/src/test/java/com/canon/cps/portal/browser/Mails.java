package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The e-mails a person reads: the links in them, as the SMTP server received them. */
final class Mails {

    private static final Pattern LINK =
            Pattern.compile("(https?://[^\\s\"<>]+/(set|reset)-password\\?token=[A-Za-z0-9_\\-.~%]+)");

    private Mails() {}

    /** Waits for the e-mail with a password link (set or reset) and returns the link. */
    static String awaitPasswordLink(String email, String kind) {
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<CapturedMail> mails = BrowserPlatform.mailTo(email);
                    for (CapturedMail mail : mails) {
                        Matcher m = LINK.matcher(mail.text());
                        while (m.find()) {
                            if (m.group(2).equals(kind)) {
                                link[0] = m.group(1);
                                return;
                            }
                        }
                    }
                    assertThat(mails)
                            .as("an e-mail with a " + kind + "-password link to " + email)
                            .isEmpty();
                    throw new AssertionError("no " + kind + "-password link yet for " + email);
                });
        return link[0];
    }
}
