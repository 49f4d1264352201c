/**
 * Evidence documents: applicants upload a VAT certificate, an invoice, a licence or a trade-register extract before
 * they apply; the application refers to them by id. The content type is taken from the bytes (PDF, PNG, JPEG only),
 * the size is capped, and the files stay in verification-service's PostgreSQL, never on Kafka. Operators download
 * the documents of the cases they review; documents no application refers to are purged after a day.
 */
package com.canon.cps.verification.document;
