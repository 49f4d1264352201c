/**
 * The account's card: a member gives a new card for the membership ({@code cps.membership.PaymentMethodChangeRequested}),
 * billing verifies it with a zero amount through the payment gateway, and once verified it is the card every invoice
 * still to be charged is charged to (at once for one whose due date has passed); a declined card changes nothing
 * and the member is told ({@code PaymentMethodChangeDeclined}).
 *
 * <ul>
 *   <li>{@code domain}: the {@code CardOnFile} aggregate (one per account), its commands and internal events;
 *   <li>{@code policy}: the verification deadline and, once verified, the new card for each unsettled card invoice;
 *   <li>{@code store}: the card invoices still to settle and the changed card of each account.
 * </ul>
 *
 * <p>The change request arrives from membership's topic through {@code com.canon.cps.billing.messaging}.
 */
package com.canon.cps.billing.card;
