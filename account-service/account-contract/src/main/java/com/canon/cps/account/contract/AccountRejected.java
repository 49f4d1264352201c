package com.canon.cps.account.contract;

import java.time.Instant;

/** The application was rejected; no password can ever be set for it. v1: first version. */
public record AccountRejected(String accountId, String reason, Instant rejectedAt) {

    public static final String TYPE = "cps.account.AccountRejected.v1";
}
