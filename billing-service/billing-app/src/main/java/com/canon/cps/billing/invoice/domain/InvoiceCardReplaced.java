package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The invoice is charged to the account's new, verified card from now on.
 *
 * @param chargeAttemptNow the attempt to make at once (its due date has passed and no attempt is waiting for a later
 *     date), or null when the next scheduled attempt will use the new card
 */
@Revision("1")
public record InvoiceCardReplaced(
        String invoiceId,
        String accountId,
        String requestId,
        @PersonalData String cardToken,
        Integer chargeAttemptNow,
        Instant replacedAt)
        implements InvoiceEvent {}
