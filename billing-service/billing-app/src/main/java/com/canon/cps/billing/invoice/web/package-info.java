/**
 * Billing's REST API: a member's invoices and their PDFs, credit notes, and the operators' views and actions
 * (bank statements, marking paid).
 */
package com.canon.cps.billing.invoice.web;
