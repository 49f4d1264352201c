package com.canon.cps.shapegood.card.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Fixture: an upcaster matching the stored name as a literal. */
class RenameCardOpenedPackageUpcaster extends SingleEventUpcaster {

    private static final String OLD = "com.canon.cps.shapegood.card.CardOpened";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return OLD.equals(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType("com.canon.cps.shapegood.card.domain.CardOpened", "1"),
                Object.class,
                payload -> payload);
    }
}
