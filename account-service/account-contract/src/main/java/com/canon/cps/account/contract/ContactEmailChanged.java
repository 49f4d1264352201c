package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member confirmed a new contact e-mail with the link sent to it: from now on the account is written to, and logs
 * in, with {@code contactEmail}. Key and subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param previousContactEmail the address before the change (notification-service tells it about the change)
 */
public record ContactEmailChanged(
        String accountId, String contactEmail, String previousContactEmail, Instant changedAt) {

    public static final String TYPE = "cps.account.ContactEmailChanged.v1";
}
