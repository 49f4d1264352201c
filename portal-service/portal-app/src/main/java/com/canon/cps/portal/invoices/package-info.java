/**
 * An invoice as the member sees it: lines, VAT, due date, status, the PDF, and how to pay a bank transfer;
 * billing-service answers only the member's own invoices.
 */
package com.canon.cps.portal.invoices;
