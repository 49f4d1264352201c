/** The published events of the card on {@code cps.sample.events}. */
package com.canon.cps.sample.card.messaging;
