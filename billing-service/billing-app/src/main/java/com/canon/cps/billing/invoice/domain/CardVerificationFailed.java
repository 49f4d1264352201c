package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The order's card failed the zero-amount verification ({@code reason} = the gateway's outcome). */
@Revision("1")
public record CardVerificationFailed(
        String invoiceId,
        String accountId,
        String subscriptionId,
        @PersonalData String cardToken,
        String reason,
        Instant failedAt)
        implements InvoiceEvent {}
