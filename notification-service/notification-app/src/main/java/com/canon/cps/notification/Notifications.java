package com.canon.cps.notification;

import com.canon.cps.platform.eventstore.TraceContext;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records notifications inside the consumer's inbox transaction: the recipient directory, the e-mail to send (send
 * log) and the bell entry. Keys derive from the source event id and the kind, so a source event yields each
 * notification at most once even if it were handled twice.
 *
 * <p>An erased account (GDPR Art. 17, ADR 23) gets nothing any more: no e-mail, no bell entry, no entry in the
 * recipient directory, whatever event still arrives for it (a late or redelivered one, or one whose personal data now
 * reads {@code "[erased]"}).
 */
@Component
public class Notifications {

    private final JdbcTemplate jdbc;
    private final MailTemplates templates;
    private final MailDispatcher dispatcher;
    private final Clock clock;
    private final PersonalDataErasure erasure;

    Notifications(
            JdbcTemplate jdbc,
            MailTemplates templates,
            MailDispatcher dispatcher,
            Clock clock,
            PersonalDataErasure erasure) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.erasure = erasure;
    }

    public void rememberRecipient(
            String accountId, String email, String contactName, String companyName, String language) {
        if (erasure.isErased(accountId)) {
            return;
        }
        jdbc.update("""
                INSERT INTO recipient (account_id, email, contact_name, company_name, language) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, contact_name = EXCLUDED.contact_name,
                    company_name = EXCLUDED.company_name, language = EXCLUDED.language""", accountId, email, contactName, companyName, language);
    }

    /** The account's contact e-mail changed: later e-mails go to the new address. */
    public void recipientEmailChanged(String accountId, String email) {
        jdbc.update("UPDATE recipient SET email = ? WHERE account_id = ?", email, accountId);
    }

    /** The member changed contact name or language: later e-mails greet and speak accordingly. */
    public void recipientDetailsChanged(String accountId, String contactName, String language) {
        jdbc.update(
                "UPDATE recipient SET contact_name = ?, language = ? WHERE account_id = ?",
                contactName,
                language,
                accountId);
    }

    /** Verification approved a new company name. */
    public void recipientCompanyChanged(String accountId, String companyName) {
        jdbc.update("UPDATE recipient SET company_name = ? WHERE account_id = ?", companyName, accountId);
    }

    /** A file sent with an e-mail. */
    public record Attachment(String name, String contentType, byte[] content) {}

    /** Queues the e-mail and the bell entry of {@code kind} for the account, caused by {@code sourceEventId}. */
    public void notify(String sourceEventId, String kind, String accountId, Object... arguments) {
        queue(sourceEventId, kind, kind, accountId, false, null, true, arguments);
    }

    /**
     * As {@link #notify}, with the texts of {@code template} instead of those named like the kind: for a kind that
     * several source events cause, each needing its own words (a card that failed verification, a failed charge).
     */
    public void notifyInWords(
            String sourceEventId, String kind, String template, String accountId, Object... arguments) {
        queue(sourceEventId, kind, template, accountId, false, null, true, arguments);
    }

    /** As {@link #notify}, with a file attached to the e-mail (kept with the send-log row until it is sent). */
    public void notifyWithAttachment(
            String sourceEventId, String kind, String accountId, Attachment attachment, Object... arguments) {
        queue(sourceEventId, kind, kind, accountId, false, attachment, true, arguments);
    }

    /**
     * As {@link #notify}, for an e-mail that carries a secret (a password-setup link): its text is kept only until
     * the mail is sent. The bell entry gets the title only, never the secret.
     */
    public void notifyWithSecret(String sourceEventId, String kind, String accountId, Object... arguments) {
        queue(sourceEventId, kind, kind, accountId, true, null, true, arguments);
    }

    /**
     * As {@link #notifyWithSecret}, by e-mail only: for a message that belongs in the mailbox and nowhere else (a
     * password-reset link: the member who asked for it cannot sign in to see a bell).
     */
    public void mailWithSecret(String sourceEventId, String kind, String accountId, Object... arguments) {
        queue(sourceEventId, kind, kind, accountId, true, null, false, arguments);
    }

    /** As {@link #notifyWithSecret}, with the texts of {@code template} instead of those named like the kind. */
    public void notifyInWordsWithSecret(
            String sourceEventId, String kind, String template, String accountId, Object... arguments) {
        queue(sourceEventId, kind, template, accountId, true, null, true, arguments);
    }

    /** An e-mail only (no bell entry), to the account's contact e-mail. */
    public void mail(String sourceEventId, String kind, String accountId, Object... arguments) {
        queue(sourceEventId, kind, kind, accountId, false, null, false, arguments);
    }

    /**
     * An e-mail only (no bell entry) to {@code address} instead of the account's contact e-mail, in the account's
     * language: to a new address that must be confirmed, to the previous one after a change, to an old CPS address;
     * {@code secret} when it carries a link or code (its text is then kept only until the mail is sent).
     */
    public void mailTo(
            String sourceEventId, String kind, String accountId, String address, boolean secret, Object... arguments) {
        queueTo(sourceEventId, kind, kind, accountId, secret, null, false, address, arguments);
    }

    private void queue(
            String sourceEventId,
            String kind,
            String template,
            String accountId,
            boolean redactAfterSend,
            Attachment attachment,
            boolean bell,
            Object... arguments) {
        queueTo(sourceEventId, kind, template, accountId, redactAfterSend, attachment, bell, null, arguments);
    }

    /** As {@link #queue}, to {@code toAddress} when given instead of the account's contact e-mail. */
    private void queueTo(
            String sourceEventId,
            String kind,
            String template,
            String accountId,
            boolean redactAfterSend,
            Attachment attachment,
            boolean bell,
            String toAddress,
            Object... arguments) {
        if (erasure.isErased(accountId)) {
            return;
        }
        Recipient r = jdbc.queryForObject(
                "SELECT email, contact_name, company_name, language FROM recipient WHERE account_id = ?",
                (rs, i) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                accountId);
        Object[] args = new Object[arguments.length + 2];
        args[0] = r.contactName();
        args[1] = r.companyName();
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        MailTemplates.Rendered text = templates.render(template, r.language(), args);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                """
                INSERT INTO outbound_mail (mail_id, source_event_id, kind, account_id, recipient, subject, body, html_body,
                    created_at, redact_after_send, attachment_name, attachment_content_type, attachment_content,
                    traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id, kind) DO NOTHING""",
                id("mail", sourceEventId, kind),
                sourceEventId,
                kind,
                accountId,
                toAddress != null ? toAddress : r.email(),
                text.subject(),
                text.body(),
                text.html(),
                now,
                redactAfterSend,
                attachment == null ? null : attachment.name(),
                attachment == null ? null : attachment.contentType(),
                attachment == null ? null : attachment.content(),
                TraceContext.current()); // the dispatcher's span for the sending joins this trace
        if (bell) {
            jdbc.update("""
                INSERT INTO bell_entry (entry_id, account_id, source_event_id, kind, title, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_event_id, kind) DO NOTHING""", id("bell", sourceEventId, kind), accountId, sourceEventId, kind, text.title(), now);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        }
    }

    private static UUID id(String prefix, String sourceEventId, String kind) {
        return UUID.nameUUIDFromBytes((prefix + ":" + sourceEventId + ":" + kind).getBytes(StandardCharsets.UTF_8));
    }

    private record Recipient(String email, String contactName, String companyName, String language) {}
}
