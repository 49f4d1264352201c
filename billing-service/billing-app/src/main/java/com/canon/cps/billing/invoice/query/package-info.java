/**
 * The read side of invoices: the {@code invoices} projection into the invoice view, its queries, and its erasure.
 */
package com.canon.cps.billing.invoice.query;
