package com.canon.cps.account.contract;

import java.time.Instant;

/** Verification needs more information from the applicant. v1: first version. */
public record AccountInfoRequested(String accountId, String reason, Instant requestedAt) {

    public static final String TYPE = "cps.account.AccountInfoRequested.v1";
}
