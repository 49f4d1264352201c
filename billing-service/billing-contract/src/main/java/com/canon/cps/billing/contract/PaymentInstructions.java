package com.canon.cps.billing.contract;

/**
 * How the invoice is paid. For {@code CARD} the gross amount is charged to the verified card on the due date and the
 * bank fields are null; for {@code BANK_TRANSFER} the buyer pays to {@code iban}/{@code bic} quoting the ISO 11649
 * {@code paymentReference} ({@code RF…}) by the due date, and {@code note} says that additional bank charges may apply.
 */
public record PaymentInstructions(
        String paymentMethod, String accountHolder, String iban, String bic, String paymentReference, String note) {}
