package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The last invoice keeping the membership suspended was settled: it is active again.
 *
 * @param reason {@code INVOICE_PAID} or {@code INVOICE_CREDITED}
 */
@Revision("1")
public record MembershipReactivated(
        String accountId, String membershipNumber, String invoiceId, String reason, Instant reactivatedAt)
        implements MembershipEvent {}
