/**
 * The invoice as a document: {@link com.canon.cps.billing.invoice.document.InvoicePdf} renders an issued invoice as
 * a PDF (Apache PDFBox, embedded Liberation Sans), and {@link com.canon.cps.billing.invoice.document.InvoiceFormat}
 * writes amounts, dates and rates the way invoices and e-mails print them, in English or German.
 */
package com.canon.cps.billing.invoice.document;
