package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member's password was changed: notification-service tells the member (no link), so that a change the member did
 * not make is noticed. Key and subject: {@code accountId}. Neither the password nor its hash is ever published.
 *
 * <p>v1: first version.
 *
 * @param method {@code CHANGE} (the signed-in member gave the current password) or {@code RESET} (a forgotten-password
 *     link was used); open-ended
 */
public record PasswordChanged(String accountId, String method, Instant changedAt) {

    public static final String TYPE = "cps.account.PasswordChanged.v1";
}
