/**
 * What follows from an invoice's events and deadlines: scheduling its issue, card verification, charges, overdue
 * check, dunning end and refunds, one policy per deadline; and the tax retention of an erased account's documents.
 */
package com.canon.cps.billing.invoice.policy;
