/**
 * Billing and its topics: {@code MembershipEventsConsumer} routes membership's events (an ordered term opens an
 * invoice, a new card is verified), and {@code BillingEventsPublisher} maps billing's internal events to the contract
 * events of {@code cps.billing.events}.
 */
package com.canon.cps.billing.messaging;
