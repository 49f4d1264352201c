/**
 * The Business Account and Kafka: verification-service's outcomes arrive through {@code VerificationEventsConsumer}
 * (one {@code When<Event>Then<Action>} per event type), and {@code AccountEventsPublisher} maps the internal events
 * to the contract events on {@code cps.account.events}, link tokens and codes sealed for notification-service.
 */
package com.canon.cps.account.onboarding.messaging;
