package com.canon.cps.account.application.domain;

public enum AccountStatus {
    PENDING_VERIFICATION,
    INFO_REQUESTED,
    VERIFIED,
    REJECTED,
    ACTIVE
}
