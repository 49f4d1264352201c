/**
 * The topics notification-service consumes: one {@code <Source>EventsConsumer} per topic routes each event type
 * through the inbox (at most once per record) to one {@code When<Event>Then<Action>} bean, which turns the contract
 * event into an e-mail and/or a bell entry in the account's language. A topic's other event types are ignored.
 */
package com.canon.cps.notification.messaging;
