package com.canon.cps.points.ledger.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.points.ledger.domain.ProductPointsCounted;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** A {@code ProductPointsCounted} stored at revision 1 (a sample as the JDBC event store holds it) reads as revision 2. */
class AddReasonToProductPointsCountedUpcasterTest {

    /** Payload column of a revision-1 event, as written before reasons were recorded. */
    private static final String REVISION_1_SAMPLE = """
            {"accountId":"acc-1","productId":"p1","modelCode":"EOS-5D-MARK-III","points":235,"balance":235,
             "completeProductCount":1,"at":"2026-11-27T10:00:00Z"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    private List<IntermediateEventRepresentation> upcast(String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "PointsLedger",
                "acc-1",
                3,
                "event-1",
                Instant.parse("2026-11-27T10:00:01Z"),
                ProductPointsCounted.class.getName(),
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new AddReasonToProductPointsCountedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
    }

    @Test
    void revision1_isUpcastToRevision2_withTheReasonUnknown() {
        List<IntermediateEventRepresentation> upcast = upcast("1", REVISION_1_SAMPLE);

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        ProductPointsCounted event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event)
                .isEqualTo(new ProductPointsCounted(
                        "acc-1", "p1", "EOS-5D-MARK-III", 235, 235, 1, Instant.parse("2026-11-27T10:00:00Z"), null));
    }

    @Test
    void revision2_isLeftAlone() {
        assertThat(upcast("2", "{\"reason\":\"PRODUCT_COMPLETED\"}")
                        .get(0)
                        .getType()
                        .getRevision())
                .isEqualTo("2");
    }
}
