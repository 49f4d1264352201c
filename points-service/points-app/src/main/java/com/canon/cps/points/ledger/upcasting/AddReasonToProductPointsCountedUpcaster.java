package com.canon.cps.points.ledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ProductPointsCounted} revision 1 → 2: adds {@code reason}. Revision 1 did not record why a product counted,
 * so it is upcast as unknown ({@code null}); the points history tells it from the product's earlier events.
 */
@Component
@Order(0)
class AddReasonToProductPointsCountedUpcaster extends SingleEventUpcaster {

    /**
     * The type name as the event store holds it: a literal, so that renaming or moving the event class cannot disarm
     * this upcaster silently (its test fails instead).
     */
    static final String STORED_TYPE = "com.canon.cps.points.ledger.domain.ProductPointsCounted";

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(STORED_TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(STORED_TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                REVISION_2, JsonNode.class, AddReasonToProductPointsCountedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        event.putNull("reason");
        return event;
    }
}
