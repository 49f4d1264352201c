package com.canon.cps.account.auth.policy;

import com.canon.cps.account.auth.store.MemberSessions;
import com.canon.cps.account.auth.store.RefreshTokens;
import com.canon.cps.account.onboarding.domain.PasswordChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A password reset with a link ends every session of the account: all its refresh tokens are revoked. (A change by the
 * signed-in member revokes them too, but for the session it asks to keep, in the change's own transaction:
 * {@link MemberSessions#endAllExcept}.) Runs in a
 * <em>subscribing</em> processor ({@link #PROCESSING_GROUP}), so in the transaction that stores the change: no refresh
 * can slip in between, and a replay of the event store revokes nothing again. Access tokens already issued stay valid
 * until they expire (at most {@code cps.account.token-ttl}).
 */
@Component
@ProcessingGroup(WhenPasswordChangedThenRevokeRefreshTokens.PROCESSING_GROUP)
class WhenPasswordChangedThenRevokeRefreshTokens {

    static final String PROCESSING_GROUP = "refresh-token-revocation";

    private final RefreshTokens refreshTokens;

    WhenPasswordChangedThenRevokeRefreshTokens(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @EventHandler
    void on(PasswordChanged event) {
        if (event.resetIssueId() != null) {
            refreshTokens.revokeAllOf(event.accountId());
        }
    }
}
