/**
 * Billing's typed settings ({@code @ConfigurationProperties} records under {@code cps.billing}): the seller, VAT,
 * payment terms and dunning ({@link com.canon.cps.billing.config.BillingSettings}), and the e-invoice attachments.
 */
package com.canon.cps.billing.config;
