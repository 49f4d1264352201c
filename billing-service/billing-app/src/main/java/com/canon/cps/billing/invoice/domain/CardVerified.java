package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The order's card passed the gateway's zero-amount verification. */
@Revision("1")
public record CardVerified(
        String invoiceId,
        String accountId,
        String subscriptionId,
        @PersonalData String cardToken,
        String gatewayReference,
        Instant verifiedAt)
        implements InvoiceEvent {}
