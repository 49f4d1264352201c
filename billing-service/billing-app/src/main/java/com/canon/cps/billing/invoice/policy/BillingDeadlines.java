package com.canon.cps.billing.invoice.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Names and payloads of billing's persistent deadlines (one id per invoice and purpose, so scheduling is idempotent). */
final class BillingDeadlines {

    /** The subscribing processor of the policies (mode set in {@code billing-service.yml}). */
    static final String PROCESSING_GROUP = "billing-policies";

    static final String ISSUE = "billing.issue";
    static final String VERIFY_CARD = "billing.verify-card";
    static final String CHARGE = "billing.charge";
    static final String OVERDUE = "billing.overdue";
    static final String DUNNING_END = "billing.dunning-end";
    static final String REFUND = "billing.refund";

    private BillingDeadlines() {}

    record InvoiceDue(String invoiceId) {}

    record CardDue(String invoiceId, String subscriptionId, String cardToken, String currency) {}

    record ChargeDue(String invoiceId, int attempt) {}

    record RefundDue(
            String invoiceId, String refundId, String chargeReference, java.math.BigDecimal amount, String currency) {}

    static String id(String name, String invoiceId) {
        return name + ":" + invoiceId;
    }

    /** Charge attempt {@code attempt} at the start of {@code on} (UTC), one deadline per attempt. */
    static void scheduleCharge(DeadlineScheduler deadlines, String invoiceId, int attempt, LocalDate on) {
        deadlines.schedule(
                id(CHARGE, invoiceId) + ":" + attempt, CHARGE, startOf(on), new ChargeDue(invoiceId, attempt));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
