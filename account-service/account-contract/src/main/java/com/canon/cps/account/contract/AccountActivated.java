package com.canon.cps.account.contract;

import java.time.Instant;

/** The member set a password: the account is active and can log in. v1: first version. */
public record AccountActivated(String accountId, Instant activatedAt) {

    public static final String TYPE = "cps.account.AccountActivated.v1";
}
