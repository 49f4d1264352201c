package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A further invoice was unpaid after dunning while the membership was suspended already (internal only). */
@Revision("1")
record UnpaidInvoiceAdded(String accountId, String invoiceId, String invoiceNumber, Instant addedAt)
        implements MembershipEvent {}
