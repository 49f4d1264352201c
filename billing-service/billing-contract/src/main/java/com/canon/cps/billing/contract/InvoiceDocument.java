package com.canon.cps.billing.contract;

/**
 * The rendered invoice as issued (PDF), so that subscribers (e-mail, archive, accounting) get the very document the
 * buyer receives without calling billing-service. The PDF is a Factur-X / ZUGFeRD e-invoice (PDF/A-3 with the EN 16931
 * XML embedded as {@code factur-x.xml}), so accounting systems can read it without retyping. {@code contentBase64} is the file in standard Base64;
 * {@code sha256} (lower-case hex) lets a receiver check it.
 */
public record InvoiceDocument(String fileName, String contentType, String contentBase64, String sha256) {}
