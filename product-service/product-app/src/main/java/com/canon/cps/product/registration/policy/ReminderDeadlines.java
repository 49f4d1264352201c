package com.canon.cps.product.registration.policy;

/** Names and payloads of the registrations' persistent deadlines. */
final class ReminderDeadlines {

    /** The subscribing processor of the policies (mode set in {@code product-service.yml}). */
    static final String PROCESSING_GROUP = "product-policies";

    static final String INCOMPLETE = "product.incomplete-reminder";

    private ReminderDeadlines() {}

    record ReminderDue(String productId) {}
}
