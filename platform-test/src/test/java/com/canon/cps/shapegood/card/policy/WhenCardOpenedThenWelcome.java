package com.canon.cps.shapegood.card.policy;

import com.canon.cps.shapegood.card.domain.CardOpened;
import org.axonframework.eventhandling.EventHandler;

/** Fixture: a policy. */
class WhenCardOpenedThenWelcome {

    @EventHandler
    void on(CardOpened event) {}
}
