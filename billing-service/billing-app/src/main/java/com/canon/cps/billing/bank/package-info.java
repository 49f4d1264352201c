/**
 * Bank transfers: ISO 11649 creditor references ({@link com.canon.cps.billing.bank.CreditorReference}, printed on
 * bank-transfer invoices and quoted back by payers) and the import of ISO 20022 camt.053 bank statements
 * ({@link com.canon.cps.billing.bank.Camt053}) into the booked credits that payments are matched from.
 */
package com.canon.cps.billing.bank;
