package com.canon.cps.account.onboarding.store;

import com.canon.cps.account.onboarding.domain.AccountRejected;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One Business Account per contact e-mail ({@code account_email}, the login names): an application claims its address
 * in the transaction of its events, so two applications with one address cannot both succeed; a confirmed change of
 * contact e-mail moves the claim the same way. A <em>rejected</em> application releases its claim, in the transaction
 * of its {@code AccountRejected} (subscribing processor {@value #PROCESSING_GROUP}): the business may apply again
 * with the address, as a new account.
 */
@Component
@ProcessingGroup(ContactEmailClaims.PROCESSING_GROUP)
public class ContactEmailClaims {

    public static final String PROCESSING_GROUP = "account-email-claims";

    private final JdbcTemplate jdbc;

    ContactEmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims {@code email} for a new account; throws {@link DuplicateKeyException} when another account holds it. */
    public void claim(String email, String accountId) {
        jdbc.update("INSERT INTO account_email (email, account_id) VALUES (?, ?)", email, accountId);
    }

    /** Whether an account (other than {@code accountId}) holds {@code email}. */
    public boolean heldByAnother(String email, String accountId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM account_email WHERE email = ? AND account_id <> ?",
                        Integer.class,
                        email.toLowerCase(Locale.ROOT),
                        accountId)
                .isEmpty();
    }

    /**
     * Moves the account's claim to {@code newEmail} (in the caller's transaction); throws
     * {@link DuplicateKeyException} when another account holds it by now.
     */
    public void move(String accountId, String newEmail) {
        jdbc.update("UPDATE account_email SET email = ? WHERE account_id = ?", newEmail, accountId);
    }

    @EventHandler
    void on(AccountRejected event) {
        jdbc.update("DELETE FROM account_email WHERE account_id = ?", event.accountId());
    }
}
