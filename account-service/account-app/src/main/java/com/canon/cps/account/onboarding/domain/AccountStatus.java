package com.canon.cps.account.onboarding.domain;

public enum AccountStatus {
    PENDING_VERIFICATION,
    INFO_REQUESTED,
    VERIFIED,
    REJECTED,
    ACTIVE,
    /** The account's personal data was erased (GDPR Art. 17): final, every command is refused. */
    ERASED
}
