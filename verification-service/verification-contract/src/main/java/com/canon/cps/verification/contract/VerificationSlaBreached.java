package com.canon.cps.verification.contract;

import java.time.Instant;

/** A case was still undecided at its SLA deadline; it stays open. Raised once per case. v1: first version. */
public record VerificationSlaBreached(String accountId, String caseId, Instant deadline, Instant breachedAt) {

    public static final String TYPE = "cps.verification.VerificationSlaBreached.v1";
}
