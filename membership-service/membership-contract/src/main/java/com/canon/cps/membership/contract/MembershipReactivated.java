package com.canon.cps.membership.contract;

import java.time.Instant;

/**
 * A suspended membership is active again: the invoice that kept it suspended (the last one, if several did) was paid
 * or credited in full. Its number and term are those it had. v1: first version.
 *
 * @param invoiceId the invoice whose settlement ended the suspension
 * @param reason {@code INVOICE_PAID} or {@code INVOICE_CREDITED} (open-ended list of values)
 */
public record MembershipReactivated(
        String accountId, String membershipNumber, String invoiceId, String reason, Instant reactivatedAt) {

    public static final String TYPE = "cps.membership.MembershipReactivated.v1";
}
