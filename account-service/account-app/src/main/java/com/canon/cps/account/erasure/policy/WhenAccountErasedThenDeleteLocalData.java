package com.canon.cps.account.erasure.policy;

import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.platform.privacy.ErasureParticipant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What account-service holds about an account outside its event store, deleted when the account is erased: the login
 * name ({@code account_email}, so the address is free for a new application), the password hash
 * ({@code account_credential}), refresh tokens, setup/reset and e-mail links, the old-e-mail code and the login
 * throttle's rows of the account. Runs in the transaction of {@code AccountErased} (subscribing processor
 * {@value #PROCESSING_GROUP}), so an erasure answered is one the member cannot log in after; and again as an
 * {@link ErasureParticipant} when the platform erases the subject (idempotent: deleting twice deletes nothing more).
 * The read models forget the account through their own projections ({@code AccountErased}).
 */
@Component
@ProcessingGroup(WhenAccountErasedThenDeleteLocalData.PROCESSING_GROUP)
class WhenAccountErasedThenDeleteLocalData implements ErasureParticipant {

    static final String PROCESSING_GROUP = "account-erasure-cleanup";

    private final JdbcTemplate jdbc;

    WhenAccountErasedThenDeleteLocalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountErased event) {
        erase(event.accountId());
    }

    @Override
    public void erase(String accountId) {
        List<String> emails =
                jdbc.queryForList("SELECT email FROM account_email WHERE account_id = ?", String.class, accountId);
        // throttle keys are "pair:<source>|<e-mail>" (logins) and "pair:<source>|member:<accountId>" (password checks)
        for (String who : concat(emails, "member:" + accountId)) {
            jdbc.update(
                    "DELETE FROM login_throttle WHERE throttle_key LIKE 'pair:%' AND right(throttle_key, ?) = ?",
                    who.length() + 1, "|" + who);
        }
        jdbc.update("DELETE FROM refresh_token WHERE subject = ?", accountId);
        jdbc.update("DELETE FROM password_setup_link WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM contact_email_link WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM legacy_email_code WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM account_credential WHERE account_id = ?", accountId); // before its account_email row
        jdbc.update("DELETE FROM account_email WHERE account_id = ?", accountId);
    }

    private static List<String> concat(List<String> emails, String member) {
        return java.util.stream.Stream.concat(emails.stream(), java.util.stream.Stream.of(member))
                .toList();
    }
}
