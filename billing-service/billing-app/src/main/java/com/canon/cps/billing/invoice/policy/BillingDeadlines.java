package com.canon.cps.billing.invoice.policy;

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
}
