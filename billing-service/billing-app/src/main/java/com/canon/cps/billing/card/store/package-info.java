/**
 * The card invoices of each account still to settle and the account's changed card (a table of billing's own).
 */
package com.canon.cps.billing.card.store;
