package com.canon.cps.shapebad.card.domain;

import org.axonframework.eventsourcing.EventSourcingHandler;

/** Fixture: an aggregate with one conforming and one non-conforming event. */
public class Card {

    @EventSourcingHandler
    void on(CardOpened event) {}

    @EventSourcingHandler
    void on(CardClosed event) {}
}
