package com.canon.cps.account.auth.store;

import org.springframework.stereotype.Component;

/**
 * What other features may do to a member's sessions (its refresh-token families): end them when the password changes,
 * and follow a changed login e-mail, which the access tokens of the next refreshes carry. Runs in the caller's
 * transaction.
 */
@Component
public class MemberSessions {

    private final RefreshTokens refreshTokens;

    MemberSessions(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    /**
     * Revokes every refresh token of the account except the family of {@code keepRefreshToken} (the session of the
     * member who changed the password); a token that is not a live one of this account keeps nothing.
     */
    public void endAllExcept(String accountId, String keepRefreshToken) {
        refreshTokens.revokeAllOfExceptFamilyOf(accountId, keepRefreshToken);
    }

    /** The account's login e-mail changed: the access tokens issued by later refreshes say so. */
    public void emailChanged(String accountId, String email) {
        refreshTokens.renameHolder(accountId, email);
    }
}
