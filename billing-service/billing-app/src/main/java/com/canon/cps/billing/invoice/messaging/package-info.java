/**
 * What billing takes from the account and verification topics: the buyer of an account's invoices (name, address,
 * language, VAT ID) and the erasure of an account. One consumer per topic, one policy per event.
 */
package com.canon.cps.billing.invoice.messaging;
