package com.canon.cps.platform.test;

import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.embedded.EmbeddedSmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mails the embedded SMTP server received, as the tests read them: wait for a mail (by subject, by what its
 * text contains, by a pattern in it), read its text with the template's line breaks, its alternatives and HTML part.
 * The one mail probe of the service tests ({@link #shared()}), the end-to-end and browser tests ({@link #of}).
 */
public final class Mailbox {

    /** How long a mail may take by default: the consumer, the template and the SMTP round trip. */
    public static final Duration DELIVERED = Duration.ofSeconds(30);

    private final Supplier<EmbeddedSmtpServer> smtp;
    private final Duration wait;

    private Mailbox(Supplier<EmbeddedSmtpServer> smtp, Duration wait) {
        this.smtp = smtp;
        this.wait = wait;
    }

    /** The mailbox of the test JVM's embedded infrastructure ({@link TestInfrastructure}). */
    public static Mailbox shared() {
        return new Mailbox(() -> TestInfrastructure.get().smtp(), DELIVERED);
    }

    /** The mailbox of another running platform's SMTP server. */
    public static Mailbox of(Supplier<EmbeddedSmtpServer> smtp) {
        return new Mailbox(smtp, DELIVERED);
    }

    /** The same mailbox, waiting at most {@code wait} for a mail. */
    public Mailbox waitingAtMost(Duration wait) {
        return new Mailbox(smtp, wait);
    }

    /** Every mail to {@code email} so far. */
    public List<CapturedMail> to(String email) {
        return smtp.get().mailTo(email);
    }

    /** The mails to {@code email} with exactly this subject so far. */
    public List<CapturedMail> to(String email, String subject) {
        return to(email).stream().filter(m -> subject.equals(m.subject())).toList();
    }

    /** Waits for a first mail to {@code email}. */
    public CapturedMail awaitAnyMail(String email) {
        return await().atMost(wait)
                .until(() -> to(email), mails -> !mails.isEmpty())
                .get(0);
    }

    /** Waits for the mail to {@code email} with this subject (the first, if several came). */
    public CapturedMail awaitMail(String email, String subject) {
        return await().atMost(wait)
                .until(() -> to(email, subject), mails -> !mails.isEmpty())
                .get(0);
    }

    /** Waits for the mail to {@code email} with this subject and asserts it is the only one with that subject. */
    public CapturedMail awaitOnlyMail(String email, String subject) {
        List<CapturedMail> mails = await().atMost(wait).until(() -> to(email, subject), m -> !m.isEmpty());
        if (mails.size() != 1) {
            throw new AssertionError(mails.size() + " mails to " + email + " with subject " + subject + ": " + mails);
        }
        return mails.get(0);
    }

    /** Waits for a mail to {@code email} whose text matches. */
    public CapturedMail awaitMailMatching(String email, Predicate<CapturedMail> match) {
        return await().atMost(wait)
                .until(() -> to(email).stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for a mail to {@code email} whose text contains {@code text}. */
    public CapturedMail awaitMailContaining(String email, String text) {
        return awaitMailMatching(email, m -> m.text().contains(text));
    }

    /** Waits for a mail to {@code email} whose text matches {@code pattern}; returns the pattern's first group. */
    public String awaitGroup(String email, Pattern pattern) {
        CapturedMail mail =
                awaitMailMatching(email, m -> pattern.matcher(m.text()).find());
        Matcher m = pattern.matcher(mail.text());
        m.find();
        return m.group(1);
    }

    /** The plain text with the line breaks the template has (SMTP transfers them as CRLF). */
    public static String text(CapturedMail mail) {
        return mail.text().replace("\r\n", "\n");
    }

    /**
     * The message to {@code email} with {@code subject} as the SMTP server received it, with all its parts (a message
     * is captured just before it is filed, hence the wait).
     */
    public MimeMessage received(String email, String subject) {
        return await().atMost(wait)
                .ignoreExceptions() // the mailboxes may change while being read
                .until(() -> find(email, subject), m -> m != null);
    }

    /** The content types of the multipart/alternative part, in order (empty when there is none). */
    public static List<String> alternatives(Part message) {
        try {
            Optional<Multipart> alternative = alternative(message);
            List<String> types = new ArrayList<>();
            if (alternative.isPresent()) {
                for (int i = 0; i < alternative.get().getCount(); i++) {
                    types.add(alternative
                            .get()
                            .getBodyPart(i)
                            .getContentType()
                            .replaceAll(";.*", "")
                            .trim());
                }
            }
            return types;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part's text. */
    public static String html(Part message) {
        try {
            Multipart alternative = alternative(message).orElseThrow();
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart part = alternative.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return String.valueOf(part.getContent());
                }
            }
            throw new AssertionError("no text/html part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Multipart> alternative(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/alternative")) {
            return Optional.of((Multipart) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<Multipart> found = alternative(multipart.getBodyPart(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private MimeMessage find(String email, String subject) throws MessagingException {
        for (MimeMessage message : smtp.get().receivedMessages()) {
            String to = InternetAddress.toString(message.getRecipients(RecipientType.TO));
            if (to != null && to.contains(email) && subject.equals(message.getSubject())) {
                return message;
            }
        }
        return null;
    }
}
