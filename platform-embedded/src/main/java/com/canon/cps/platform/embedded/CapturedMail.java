package com.canon.cps.platform.embedded;

import java.time.Instant;
import java.util.List;

/**
 * One message accepted by {@link EmbeddedSmtpServer}, in the shape tests and the local launcher ask about it.
 *
 * @param messageId the {@code Message-ID} header (generated if the sender set none)
 * @param from the sender address ({@code From} header, else the envelope sender)
 * @param to the envelope recipients ({@code RCPT TO}, so Cc and Bcc included)
 * @param subject the decoded subject, empty if none
 * @param text the plain-text body (the HTML body if there is no plain-text part), empty if neither
 * @param receivedAt when the server accepted the message
 */
public record CapturedMail(
        String messageId, String from, List<String> to, String subject, String text, Instant receivedAt) {

    public CapturedMail {
        to = List.copyOf(to);
    }
}
