package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The membership is suspended: an invoice of it was still unpaid after billing's last dunning step. A suspended
 * membership is not active (its benefits pause) until it is reactivated; it keeps its number and term, and a term
 * that ends while it is suspended is not renewed unless the renewal was ordered before. v1: first version.
 *
 * @param invoiceId billing's invoice that was unpaid after dunning
 * @param invoiceNumber its number, e.g. {@code CPS-GB-2026-000123}
 * @param reason why: {@code UNPAID_INVOICE} (open-ended list of values)
 * @param suspendedOn the business day of the suspension
 */
public record MembershipSuspended(
        String accountId,
        String membershipNumber,
        String invoiceId,
        String invoiceNumber,
        String reason,
        LocalDate suspendedOn,
        Instant suspendedAt) {

    public static final String TYPE = "cps.membership.MembershipSuspended.v1";
}
