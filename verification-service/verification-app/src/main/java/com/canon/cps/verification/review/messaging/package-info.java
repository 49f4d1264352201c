/**
 * Contract events in and out: {@code AccountEventsConsumer} routes {@code cps.account.events} to one
 * {@code When<Event>Then<Action>} per event type; {@code VerificationEventsPublisher} maps internal case events to the
 * {@code cps.verification.events} contract.
 */
package com.canon.cps.verification.review.messaging;
