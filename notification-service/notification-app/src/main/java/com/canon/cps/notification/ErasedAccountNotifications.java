package com.canon.cps.notification;

import com.canon.cps.platform.privacy.ErasureParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23) in notification-service: the send log's e-mails of the account (sent,
 * queued or failed: addresses, texts, HTML, attachments), its bell entries and its row of the recipient directory
 * (e-mail, names, company, language) are deleted. Idempotent.
 */
@Component
class ErasedAccountNotifications implements ErasureParticipant {

    private static final Logger log = LoggerFactory.getLogger(ErasedAccountNotifications.class);

    private final JdbcTemplate jdbc;

    ErasedAccountNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(String accountId) {
        int mails = jdbc.update("DELETE FROM outbound_mail WHERE account_id = ?", accountId);
        int bell = jdbc.update("DELETE FROM bell_entry WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM recipient WHERE account_id = ?", accountId);
        log.info("Erasure of account {}: {} e-mail(s) and {} bell entries deleted", accountId, mails, bell);
    }
}
