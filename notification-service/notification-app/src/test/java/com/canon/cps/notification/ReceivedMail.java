package com.canon.cps.notification;

import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.TestInfrastructure;
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

/** A message as the SMTP server received it, with all its parts: the plain text and HTML alternatives. */
final class ReceivedMail {

    private ReceivedMail() {}

    /** The message to {@code email} with {@code subject} (captured just before it is filed, hence the wait). */
    static MimeMessage received(String email, String subject) {
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions() // the mailboxes may change while being read
                .until(() -> find(email, subject), m -> m != null);
    }

    /** The content types of the multipart/alternative part, in order (empty when there is none). */
    static List<String> alternatives(Part message) {
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
    static String html(Part message) {
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

    private static MimeMessage find(String email, String subject) throws MessagingException {
        for (MimeMessage message : TestInfrastructure.get().smtp().receivedMessages()) {
            String to = InternetAddress.toString(message.getRecipients(RecipientType.TO));
            if (to != null && to.contains(email) && subject.equals(message.getSubject())) {
                return message;
            }
        }
        return null;
    }
}
