package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The account's personal data was erased (GDPR Art. 17, ADR 23): every subscriber deletes or anonymises what it holds
 * about {@code accountId} (read models, files, copies of names and addresses) and keeps only what a law obliges it to
 * keep. Events published afterwards carry {@code "[erased]"} in place of the account's personal data. v1: first
 * version.
 */
public record AccountErased(String accountId, Instant erasedAt) {

    public static final String TYPE = "cps.account.AccountErased.v1";
}
