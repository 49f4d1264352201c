package com.canon.cps.shapebad.card.messaging;

/** Fixture: the handler of one consumed contract event. */
class WhenAccountOpenedThenOpenCard {

    void handle(AccountOpened event) {}

    /** Fixture: a contract event. */
    record AccountOpened(String accountId) {}
}
