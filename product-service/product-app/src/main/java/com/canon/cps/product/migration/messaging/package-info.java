/**
 * The migration's side of Kafka: {@code AccountEventsConsumer} routes {@code cps.account.events} to one policy per
 * event type, and {@code ProductEventsPublisher} maps internal registration and migration events to the
 * {@code cps.product.events} contract. The publisher is the service's one contract mapper (the platform takes one per
 * service) and lives here because migration is the feature that already depends on registration: placed in
 * registration it would make the two features depend on each other.
 */
package com.canon.cps.product.migration.messaging;
