/**
 * Contract events in and out: {@code ProductEventsConsumer} routes each {@code cps.product.events} type through the
 * inbox to one {@code When<Event>Then<Action>}; {@code PointsEventsPublisher} maps the ledger's internal events to
 * {@code cps.points.events}.
 */
package com.canon.cps.points.ledger.messaging;
