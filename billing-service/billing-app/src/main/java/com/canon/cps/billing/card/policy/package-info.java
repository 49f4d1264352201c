/**
 * What follows from a card change: the verification deadline and, once verified, the new card for each unsettled
 * card invoice.
 */
package com.canon.cps.billing.card.policy;
