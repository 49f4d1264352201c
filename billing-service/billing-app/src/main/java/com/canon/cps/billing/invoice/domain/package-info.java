/**
 * The {@code Invoice} aggregate: its commands, its internal events (the sealed {@code InvoiceEvent}), the billing
 * terms and VAT rules it issues under. No Spring, no Kafka, no JDBC here.
 */
package com.canon.cps.billing.invoice.domain;
