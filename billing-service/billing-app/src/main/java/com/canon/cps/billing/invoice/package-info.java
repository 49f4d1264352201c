/**
 * The invoice of each ordered term, from the order through issue, payment, dunning and credit notes.
 *
 * <ul>
 *   <li>{@code domain}: the {@code Invoice} aggregate, its commands and internal events;
 *   <li>{@code policy}: its deadlines (issue, card verification, charges, overdue, dunning end, refunds) and the tax
 *       retention of an erased account's documents;
 *   <li>{@code query}: the invoice view; {@code web}: the REST API; {@code document}: the PDF and e-invoice;
 *   <li>{@code messaging}: the buyer from the account and verification topics, and the account's erasure;
 *   <li>{@code store}: number series, buyer directory, payment references; {@code config}: the billing terms.
 * </ul>
 */
package com.canon.cps.billing.invoice;
