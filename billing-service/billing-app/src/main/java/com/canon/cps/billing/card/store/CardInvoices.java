package com.canon.cps.billing.card.store;

import com.canon.cps.platform.privacy.ErasureParticipant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account's changed card ({@code card_on_file}) and its card invoices not settled yet ({@code card_invoice}):
 * what a verified new card has to reach. Written by the card policies in the transaction of the event.
 */
@Component
public class CardInvoices implements ErasureParticipant {

    /** The account's card after its last change. */
    public record ChangedCard(String cardToken, String requestId, Instant changedAt) {}

    private final JdbcTemplate jdbc;

    CardInvoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An erased account's card is forgotten (ADR 24); its invoices (ids only) stay listed, so the invoice policies can
     * still find them.
     */
    @Override
    public void erase(String accountId) {
        jdbc.update("DELETE FROM card_on_file WHERE account_id = ?", accountId);
    }

    public void opened(String invoiceId, String accountId) {
        jdbc.update(
                "INSERT INTO card_invoice (invoice_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                invoiceId,
                accountId);
    }

    public void settled(String invoiceId) {
        jdbc.update("UPDATE card_invoice SET settled = TRUE WHERE invoice_id = ?", invoiceId);
    }

    public List<String> unsettled(String accountId) {
        return jdbc.queryForList(
                "SELECT invoice_id FROM card_invoice WHERE account_id = ? AND NOT settled ORDER BY invoice_id",
                String.class,
                accountId);
    }

    public void rememberCard(String accountId, String cardToken, String requestId, Instant changedAt) {
        jdbc.update("""
                INSERT INTO card_on_file (account_id, card_token, request_id, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET card_token = EXCLUDED.card_token,
                    request_id = EXCLUDED.request_id, changed_at = EXCLUDED.changed_at""", accountId, cardToken, requestId, Timestamp.from(changedAt));
    }

    /** The account's changed card, if it was changed after {@code after}. */
    public Optional<ChangedCard> changedAfter(String accountId, Instant after) {
        return jdbc
                .query(
                        "SELECT card_token, request_id, changed_at FROM card_on_file WHERE account_id = ? AND changed_at > ?",
                        (rs, i) -> new ChangedCard(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        accountId,
                        Timestamp.from(after))
                .stream()
                .findFirst();
    }
}
