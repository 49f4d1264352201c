package com.canon.cps.verification.review.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.verification.review.domain.VerificationInfoRequested;
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

/** A {@code VerificationInfoRequested} stored at revision 1 (as the JDBC event store holds it) reads as revision 2. */
class AddLinkToVerificationInfoRequestedUpcasterTest {

    /** Payload column of a revision-1 event, as written before the answer link existed. */
    private static final String REVISION_1_SAMPLE = """
            {"caseId":"5f7c1b8e-3c1d-3f0a-9d55-6a1c2f0b9e11","accountId":"acc-1",
             "reason":"Please upload an invoice not older than 3 months","decidedBy":"operator:ops@cps.local",
             "requestedAt":"2025-12-29T09:00:00Z"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    @Test
    void revision1_isUpcastToRevision2_withoutALink() {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "VerificationCase",
                "5f7c1b8e-3c1d-3f0a-9d55-6a1c2f0b9e11",
                3,
                "event-4",
                Instant.parse("2025-12-29T09:00:01Z"),
                VerificationInfoRequested.class.getName(),
                "1",
                REVISION_1_SAMPLE.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new AddLinkToVerificationInfoRequestedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        VerificationInfoRequested event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.reason()).isEqualTo("Please upload an invoice not older than 3 months");
        assertThat(event.requestedAt()).isEqualTo("2025-12-29T09:00:00Z");
        assertThat(event.requestId()).isNull();
        assertThat(event.expiresAt()).isNull();
    }
}
