package com.canon.cps.billing.card.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Clock;

/** Names and payloads of the card's persistent deadlines (one id per change and invoice, so scheduling is idempotent). */
final class CardDeadlines {

    /** billing's subscribing processor of policies (mode set in {@code billing-service.yml}). */
    static final String PROCESSING_GROUP = "billing-policies";

    static final String VERIFY_CHANGE = "billing.verify-card-change";
    static final String REPLACE_CARD = "billing.replace-invoice-card";

    private CardDeadlines() {}

    record VerifyDue(String accountId, String requestId, String cardToken, String currency) {}

    record ReplaceDue(String invoiceId, String requestId, String cardToken) {}

    /** Gives {@code invoiceId} the card of change {@code requestId}, at once (one deadline per invoice and change). */
    static void scheduleReplace(
            DeadlineScheduler deadlines, Clock clock, String invoiceId, String requestId, String cardToken) {
        deadlines.schedule(
                REPLACE_CARD + ":" + invoiceId + ":" + requestId,
                REPLACE_CARD,
                clock.instant(),
                new ReplaceDue(invoiceId, requestId, cardToken));
    }
}
