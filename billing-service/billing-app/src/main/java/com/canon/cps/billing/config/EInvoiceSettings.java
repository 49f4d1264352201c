package com.canon.cps.billing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an electronic invoice (EN 16931, XRechnung) needs of the seller beyond what the issued invoice carries
 * ({@code cps.billing.e-invoice.*}). They identify and reach the seller, like the printed labels they belong to the
 * rendering, not to the facts of one invoice.
 *
 * @param sellerRegistrationId the seller's legal registration (BT-30), e.g. its Chamber of Commerce number: it
 *     identifies the seller on invoices that must not carry its VAT ID (no EU VAT, category {@code O})
 * @param sellerRegistrationScheme ISO 6523 scheme of {@code sellerRegistrationId} ({@code 0106}: Dutch KvK); may be empty
 * @param sellerElectronicAddress the seller's electronic address for invoices (BT-34), an e-mail address
 * @param contactName the seller's contact point for invoices (BT-41)
 * @param contactPhone its telephone number (BT-42)
 * @param contactEmail its e-mail address (BT-43)
 */
@ConfigurationProperties("cps.billing.e-invoice")
public record EInvoiceSettings(
        String sellerRegistrationId,
        String sellerRegistrationScheme,
        String sellerElectronicAddress,
        String contactName,
        String contactPhone,
        String contactEmail) {}
