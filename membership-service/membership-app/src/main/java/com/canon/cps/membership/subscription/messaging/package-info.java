/**
 * Contract events in and out: one {@code <Source>EventsConsumer} per consumed topic (account, billing, points,
 * verification) routing each event type through the inbox to one {@code When<Event>Then<Action>}; the publisher maps
 * internal events to {@code cps.membership.events}.
 */
package com.canon.cps.membership.subscription.messaging;
