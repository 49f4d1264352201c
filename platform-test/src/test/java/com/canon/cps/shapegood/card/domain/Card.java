package com.canon.cps.shapegood.card.domain;

import org.axonframework.eventsourcing.EventSourcingHandler;

/** Fixture: an aggregate. */
class Card {

    @EventSourcingHandler
    void on(CardOpened event) {}
}
