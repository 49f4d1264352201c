package com.canon.cps.billing.payment;

/** The gateway's business answer to a verification or a charge. None of them is worth retrying as it is. */
public enum GatewayOutcome {
    /** Card verified, or money charged. */
    APPROVED,
    /** The issuer declined (insufficient funds, blocked card, ...). */
    DECLINED,
    /** The issuer wants the cardholder to authenticate (SCA / 3-D Secure): impossible off-session. */
    AUTHENTICATION_REQUIRED,
    /** The gateway knows no such token (or was given something that is not a token, e.g. a card number). */
    INVALID_TOKEN
}
