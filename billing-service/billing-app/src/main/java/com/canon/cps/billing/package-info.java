/**
 * Billing: invoices a membership's ordered terms, issues credit notes, takes payments by card (through a payment
 * gateway) or by bank transfer (matched from bank statements), duns unpaid invoices, and publishes what happened on
 * {@code cps.billing.events}. Features: {@code invoice}, {@code card}, {@code bank}, {@code payment}; settings in
 * {@code config}; the consumer of membership's topic and the publisher in {@code messaging}.
 */
package com.canon.cps.billing;
