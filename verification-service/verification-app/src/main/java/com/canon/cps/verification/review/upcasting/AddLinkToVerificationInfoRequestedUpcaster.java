package com.canon.cps.verification.review.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code VerificationInfoRequested} revision 1 → 2: the request gets the identity and expiry of the link the applicant
 * answers with. Requests of revision 1 were sent without a link, so both are {@code null}: such a request can only be
 * answered through support, as before.
 */
@Component
@Order(1)
class AddLinkToVerificationInfoRequestedUpcaster extends SingleEventUpcaster {

    /**
     * The type name as the event store holds it: a literal, so that renaming or moving the event class cannot disarm
     * this upcaster silently (its test fails instead).
     */
    static final String STORED_TYPE = "com.canon.cps.verification.review.domain.VerificationInfoRequested";

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(STORED_TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(STORED_TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                REVISION_2, JsonNode.class, AddLinkToVerificationInfoRequestedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        event.putNull("requestId");
        event.putNull("expiresAt");
        return event;
    }
}
