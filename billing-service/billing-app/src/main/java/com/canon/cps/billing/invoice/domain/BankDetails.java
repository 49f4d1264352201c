package com.canon.cps.billing.invoice.domain;

/** The seller's bank account printed on bank-transfer invoices. */
public record BankDetails(String accountHolder, String iban, String bic) {}
