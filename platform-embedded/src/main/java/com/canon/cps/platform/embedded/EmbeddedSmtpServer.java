package com.canon.cps.platform.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail, SMTP only) that accepts any sender and recipient without authentication and keeps
 * what it receives, so tests and operators of the local platform can read the mail the platform sent.
 *
 * <p>Why the capture is durable: with a data directory, every message is written and fsynced to that directory
 * <em>before</em> the server answers the DATA command with {@code 250}. In GreenMail 2.1 the DATA command delivers
 * the message to each recipient through the {@link UserManager}'s {@link MessageDeliveryHandler} and only then
 * replies {@code 250 OK} (a failure there becomes {@code 451}); this server wraps that handler. A sender that got its
 * acknowledgement can therefore rely on the message surviving a {@code kill -9} of the JVM; captured messages are
 * loaded again at start.
 *
 * <p>Like an idempotent relay, it accepts a message whose {@code Message-ID} it already holds but does not keep it a
 * second time (counted in {@link #repeatsDropped()}): SMTP itself is at-least-once, and a sender that crashed between
 * the {@code 250} and recording the mail as sent repeats it with the same id.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    /*
     * Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader on every message, header block and multipart
     * it parses or builds (jakartaee/mail-api#861): a scan of every jar on the class path, which in a Spring Boot fat
     * jar took a tenth of the local platform's CPU under load. Named by the system property, it is instantiated
     * directly instead (Angus Mail, the implementation on the class path).
     */
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final GreenMail greenMail;
    private final MailSpool spool;
    /** Arrival order, oldest first. */
    private final List<CapturedMail> mails = new CopyOnWriteArrayList<>();
    /** The same by recipient (lower case), oldest first: a client polling for its own mail scans only its own. */
    private final Map<String, List<CapturedMail>> byRecipient = new ConcurrentHashMap<>();
    /** The handler runs once per recipient; a message is captured once. */
    private final Set<MovingMessage> captured =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** Message-IDs already kept, to recognise a sender's repeat. */
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();

    private final java.util.concurrent.atomic.AtomicLong repeatsDropped = new java.util.concurrent.atomic.AtomicLong();

    private EmbeddedSmtpServer(GreenMail greenMail, MailSpool spool) {
        this.greenMail = greenMail;
        this.spool = spool;
    }

    /**
     * Starts the server.
     *
     * @param dataDir where captured messages are kept (one {@code .eml} file each); {@code null} = memory only
     * @param port the SMTP port, 0 = a random free port
     */
    public static EmbeddedSmtpServer start(Path dataDir, int port) {
        MailSpool spool = dataDir == null ? null : MailSpool.open(dataDir);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        EmbeddedSmtpServer server = new EmbeddedSmtpServer(greenMail, spool);
        if (spool != null) {
            spool.load().forEach(mail -> {
                server.keep(mail);
                if (mail.messageId() != null) {
                    server.messageIds.add(mail.messageId());
                }
            });
        }
        UserManager users = greenMail.getUserManager(); // kept by start(): the hook is in place before any client
        users.setMessageDeliveryHandler(server.capturing(users.getMessageDeliveryHandler()));
        greenMail.start();
        if (!greenMail.getSmtp().isRunning()) {
            greenMail.stop();
            throw new IllegalStateException("SMTP server did not start on " + Ports.LOOPBACK + ":" + port);
        }
        log.info(
                "SMTP server started on {}:{} ({}, {} captured messages loaded)",
                Ports.LOOPBACK,
                server.port(),
                spool == null ? "memory only" : "capturing to " + spool.dir(),
                server.mails.size());
        return server;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Messages for {@code address} (an envelope recipient, compared case-insensitively), newest first. */
    public List<CapturedMail> mailTo(String address) {
        return newestFirst(byRecipient.getOrDefault(address.trim().toLowerCase(Locale.ROOT), List.of()));
    }

    /** All captured messages, newest first. */
    public List<CapturedMail> all() {
        return newestFirst(mails);
    }

    private static List<CapturedMail> newestFirst(List<CapturedMail> oldestFirst) {
        List<CapturedMail> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    private void keep(CapturedMail mail) {
        mails.add(mail);
        mail.to().stream()
                .map(recipient -> recipient.toLowerCase(Locale.ROOT))
                .distinct()
                .forEach(recipient -> byRecipient
                        .computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>())
                        .add(mail));
    }

    /** The messages as received, with all their parts (attachments included), for tests that need more than text. */
    public MimeMessage[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    /** Messages accepted but not kept again because their {@code Message-ID} had been captured before. */
    public long repeatsDropped() {
        return repeatsDropped.get();
    }

    @Override
    public void close() {
        greenMail.stop();
        log.info("SMTP server stopped ({} messages captured)", mails.size());
    }

    private MessageDeliveryHandler capturing(MessageDeliveryHandler delivery) {
        return (message, recipient) -> {
            if (captured.add(message)) {
                capture(message);
            }
            return delivery.handle(message, recipient);
        };
    }

    /** Runs inside the DATA command, before the 250 reply: an exception here makes the server answer 451. */
    private void capture(MovingMessage message) throws MessagingException {
        String newId = null;
        try {
            List<String> recipients =
                    message.getToAddresses().stream().map(MailAddress::getEmail).toList();
            MailAddress sender = message.getReturnPath();
            byte[] stored = MailFiles.encode(
                    message.getMessage(), sender == null ? null : sender.getEmail(), recipients, Instant.now());
            CapturedMail mail = MailFiles.decode(stored);
            if (mail.messageId() != null) {
                if (!messageIds.add(mail.messageId())) {
                    repeatsDropped.incrementAndGet();
                    log.info("Dropped a repeat of mail {} to {}", mail.messageId(), mail.to());
                    return;
                }
                newId = mail.messageId();
            }
            if (spool != null) {
                spool.store(stored);
            }
            keep(mail);
            log.debug("Captured mail {} to {}", mail.messageId(), mail.to());
        } catch (IOException e) {
            forget(message, newId);
            throw new MessagingException("could not store the message durably", e);
        } catch (MessagingException | RuntimeException e) {
            forget(message, newId);
            throw e;
        }
    }

    /** A message that could not be kept: the sender gets 451 and may send it again. */
    private void forget(MovingMessage message, String messageId) {
        captured.remove(message);
        if (messageId != null) {
            messageIds.remove(messageId);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSmtpServer[" + Ports.LOOPBACK + ":" + port() + "]";
    }
}
