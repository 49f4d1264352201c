package com.canon.cps.shapebad.card.upcasting;

import com.canon.cps.shapebad.card.domain.CardOpened;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Fixture (R5 violated): matches the stored type name with a class name from code. */
class CardOpenedUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return CardOpened.class.getName().equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation;
    }
}
