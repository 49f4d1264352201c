package com.canon.cps.platform.embedded;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The on-disk (and in-memory) form of a captured message: the message exactly as received, preceded by a few
 * header lines that carry what only the SMTP envelope knew. One self-describing RFC 5322 file per message, readable
 * by any mail tool.
 */
final class MailFiles {

    static final String ENVELOPE_FROM = "X-Embedded-Smtp-Envelope-From";
    static final String ENVELOPE_TO = "X-Embedded-Smtp-Envelope-To";
    static final String RECEIVED_AT = "X-Embedded-Smtp-Received-At";

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailFiles() {}

    /** The stored form of {@code message}, received now from {@code envelopeFrom} for {@code envelopeTo}. */
    static byte[] encode(MimeMessage message, String envelopeFrom, List<String> envelopeTo, Instant receivedAt)
            throws MessagingException, IOException {
        StringBuilder prefix = new StringBuilder()
                .append(ENVELOPE_FROM)
                .append(": ")
                .append(envelopeFrom == null ? "" : envelopeFrom)
                .append("\r\n")
                .append(ENVELOPE_TO)
                .append(": ")
                .append(String.join(", ", envelopeTo))
                .append("\r\n")
                .append(RECEIVED_AT)
                .append(": ")
                .append(receivedAt)
                .append("\r\n");
        if (message.getMessageID() == null) {
            prefix.append("Message-ID: <").append(UUID.randomUUID()).append("@embedded-smtp>\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.toString().getBytes(StandardCharsets.US_ASCII));
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Reads back what {@link #encode} produced. */
    static CapturedMail decode(byte[] stored) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(stored));
        String envelopeFrom = header(message, ENVELOPE_FROM).orElse("");
        List<String> to = header(message, ENVELOPE_TO)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(address -> !address.isEmpty())
                        .toList())
                .orElse(List.of());
        Instant receivedAt = header(message, RECEIVED_AT).map(Instant::parse).orElse(Instant.EPOCH);
        return new CapturedMail(
                message.getMessageID(),
                from(message).orElse(envelopeFrom),
                to,
                Optional.ofNullable(message.getSubject()).orElse(""),
                text(message).map(body -> body.replace("\r\n", "\n")).orElse(""),
                receivedAt);
    }

    private static Optional<String> header(MimeMessage message, String name) throws MessagingException {
        return Optional.ofNullable(message.getHeader(name, ",")).map(String::trim);
    }

    private static Optional<String> from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return Optional.empty();
        }
        return Optional.of(from[0] instanceof InternetAddress internet ? internet.getAddress() : from[0].toString());
    }

    /** The first text/plain part, depth first; failing that the first text/html part. Attachments are skipped. */
    private static Optional<String> text(Part part) throws MessagingException, IOException {
        return find(part, "text/plain").or(() -> findUnchecked(part, "text/html"));
    }

    private static Optional<String> findUnchecked(Part part, String mimeType) {
        try {
            return find(part, mimeType);
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.empty();
        }
        if (part.isMimeType(mimeType)) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
