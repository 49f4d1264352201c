package com.canon.cps.notification;

import com.canon.cps.notification.config.NotificationSettings;
import com.canon.cps.platform.observability.MessageSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the queued e-mails of the send log. A mail is marked SENT right after the SMTP server accepted it; a crash
 * between the two makes it go out again (SMTP offers no more than at-least-once), with the same {@code Message-ID}
 * so receiving systems can recognise the repeat. Each mail is multipart/alternative, the plain text and the HTML part
 * with the same words; a file kept with the row (an invoice PDF) is attached beside them (multipart/mixed). Failures are
 * retried on the next rounds, up to a limit. Bodies marked {@code redact_after_send} (they carry a password-setup or
 * password-reset link), the plain text and the HTML, are replaced by a placeholder once sent.
 */
@Component
class MailDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** What remains of a sent mail that carried a secret (see {@code redact_after_send}). */
    static final String REDACTED = "[redacted after sending: the e-mail contained a password link]";

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

    private final JdbcTemplate jdbc;
    private final JavaMailSender mail;
    private final NotificationSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MessageSpans spans;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread worker;

    MailDispatcher(
            JdbcTemplate jdbc,
            JavaMailSender mail,
            NotificationSettings settings,
            Clock clock,
            MeterRegistry meters,
            MessageSpans spans) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.spans = spans;
    }

    void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        Thread t = new Thread(this::loop, "mail-dispatcher");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = worker;
        worker = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void loop() {
        while (worker != null) {
            try {
                while (dispatchBatch() > 0) {
                    // keep going while there is work
                }
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Mail dispatch round failed: {}", e.toString());
            }
        }
    }

    private record Pending(
            UUID id,
            String recipient,
            String subject,
            String body,
            String html,
            int attempts,
            Notifications.Attachment attachment,
            String traceparent) {}

    int dispatchBatch() {
        List<Pending> batch = jdbc.query(
                "SELECT mail_id, recipient, subject, body, attempts, attachment_name, attachment_content_type,"
                        + " attachment_content, html_body, traceparent FROM outbound_mail WHERE status = 'PENDING'"
                        + " ORDER BY created_at LIMIT 50",
                (rs, i) -> new Pending(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(9),
                        rs.getInt(5),
                        attachment(rs),
                        rs.getString(10)));
        if (batch.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (Relay relay = new Relay()) {
            for (Pending p : batch) {
                if (!stillQueued(p.id())) {
                    continue; // deleted since the batch was read: its account was erased (GDPR Art. 17)
                }
                try {
                    // a span of the trace that queued the mail (the request, the verification, ...)
                    spans.inSpan(
                            "send mail",
                            Span.Kind.CLIENT,
                            p.traceparent(),
                            Map.of("cps.mail.id", p.id().toString()),
                            () -> {
                                relay.send(message(p));
                                return null;
                            });
                } catch (MessagingException | MailException e) {
                    failed(p, e);
                    return sent; // the relay is probably down: wait for the next round
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                jdbc.update(
                        "UPDATE outbound_mail SET status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                                + " body = CASE WHEN redact_after_send THEN ? ELSE body END,"
                                + " html_body = CASE WHEN redact_after_send AND html_body IS NOT NULL THEN ?"
                                + " ELSE html_body END WHERE mail_id = ?",
                        Timestamp.from(clock.instant()),
                        REDACTED,
                        REDACTED,
                        p.id());
                meters.counter("cps.notifications.mail", "outcome", "sent").increment();
                sent++;
            }
        }
        return sent;
    }

    private boolean stillQueued(UUID id) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE mail_id = ? AND status = 'PENDING'", Long.class, id)
                > 0;
    }

    private void failed(Pending p, Exception e) {
        boolean giveUp = p.attempts() + 1 >= settings.maxAttempts();
        jdbc.update(
                "UPDATE outbound_mail SET attempts = attempts + 1, last_error = ?, status = ? WHERE mail_id = ?",
                truncate(e.toString()),
                giveUp ? "FAILED" : "PENDING",
                p.id());
        meters.counter("cps.notifications.mail", "outcome", giveUp ? "failed" : "retry")
                .increment();
        log.warn("Sending mail {} failed (attempt {}): {}", p.id(), p.attempts() + 1, e.toString());
    }

    private MimeMessage message(Pending p) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        Notifications.Attachment attachment = p.attachment();
        MimeMessageHelper helper = attachment == null && p.html() == null
                ? new MimeMessageHelper(message, "UTF-8")
                : new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.sender());
        helper.setTo(p.recipient());
        helper.setSubject(p.subject());
        if (p.html() == null) {
            helper.setText(p.body()); // queued before e-mails had an HTML part
        } else {
            helper.setText(p.body(), p.html()); // multipart/alternative: the plain text first, then the HTML
        }
        if (attachment != null) {
            helper.addAttachment(
                    attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        message.setSentDate(new Date());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + p.id() + "@cps.canon-europe.com>");
        return message;
    }

    /**
     * One SMTP connection for a round of mails (a connection, greeting and {@code EHLO} per mail cost more than the
     * mail itself), still one transaction per mail: each is marked sent as soon as the server accepted it. Without
     * Spring's SMTP sender at hand it sends through {@link JavaMailSender} one connection per mail.
     */
    private final class Relay implements AutoCloseable {

        private Transport transport;

        void send(MimeMessage message) throws MessagingException {
            if (!(mail instanceof JavaMailSenderImpl smtp)) {
                mail.send(message);
                return;
            }
            if (transport == null || !transport.isConnected()) {
                transport = smtp.getSession().getTransport(smtp.getProtocol());
                transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
            }
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection failed: {}", e.toString());
                }
            }
        }
    }

    private static Notifications.Attachment attachment(ResultSet rs) throws SQLException {
        byte[] content = rs.getBytes(8);
        return content == null ? null : new Notifications.Attachment(rs.getString(6), rs.getString(7), content);
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
