package com.canon.cps.verification.review.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code VerificationCaseOpened} revision 1 → 2: the list of document ids becomes a list of documents with their
 * evidence type. Revision 1 never knew the types, so they are upcast as unknown ({@code null}).
 */
@Component
@Order(0)
class AddDocumentTypesToVerificationCaseOpenedUpcaster extends SingleEventUpcaster {

    /**
     * The type name as the event store holds it: a literal, so that renaming or moving the event class cannot disarm
     * this upcaster silently (its test fails instead).
     */
    static final String STORED_TYPE = "com.canon.cps.verification.review.domain.VerificationCaseOpened";

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(STORED_TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(STORED_TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                REVISION_2, JsonNode.class, AddDocumentTypesToVerificationCaseOpenedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        ArrayNode documents = event.putArray("documents");
        for (JsonNode id : revision1.path("documentIds")) {
            documents.addObject().put("documentId", id.asText()).putNull("type");
        }
        event.remove("documentIds");
        return event;
    }
}
