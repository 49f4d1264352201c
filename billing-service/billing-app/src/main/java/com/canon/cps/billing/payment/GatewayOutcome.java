package com.canon.cps.billing.payment;

/** The gateway's business answer to a verification, a charge or a refund. None of them is worth retrying as it is. */
public enum GatewayOutcome {
    /** Card verified, money charged, or the refund accepted. */
    APPROVED,
    /** The issuer declined (insufficient funds, blocked card, ...); for a refund: the gateway refused it. */
    DECLINED,
    /** The issuer wants the cardholder to authenticate (SCA / 3-D Secure): impossible off-session. */
    AUTHENTICATION_REQUIRED,
    /**
     * The gateway knows no such token (or was given something that is not a token, e.g. a card number); for a refund:
     * no such charge.
     */
    INVALID_TOKEN
}
