/**
 * Billing's own tables besides the event store: the gapless invoice and credit-note number series, the buyer
 * directory, and the lookup of issued invoices by payment reference.
 */
package com.canon.cps.billing.invoice.store;
