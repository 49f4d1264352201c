package com.canon.cps.shapebad.card.policy;

import com.canon.cps.shapebad.card.domain.CardOpened;
import org.axonframework.eventhandling.EventHandler;

/** Fixture: a policy. */
class WhenCardOpenedThenWelcome {

    @EventHandler
    void on(CardOpened event) {}
}
