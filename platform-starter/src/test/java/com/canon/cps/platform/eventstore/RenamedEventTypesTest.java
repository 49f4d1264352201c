package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Stored type names under a renamed package are read under the new package, with revision and payload as stored. */
class RenamedEventTypesTest {

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

    private final RenamedEventTypes upcaster = new RenamedEventTypes(Map.of("com.acme.old.", "com.acme.renamed."));

    private List<IntermediateEventRepresentation> upcast(String storedType) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Thing",
                "thing-1",
                0,
                "event-1",
                Instant.parse("2026-12-01T10:00:00Z"),
                storedType,
                "2",
                "{\"id\":\"thing-1\"}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
    }

    @Test
    void aTypeUnderTheOldPackage_isReadUnderTheNewOne_withRevisionAndPayloadKept() {
        IntermediateEventRepresentation upcast =
                upcast("com.acme.old.domain.ThingHappened").get(0);

        assertThat(upcast.getType().getName()).isEqualTo("com.acme.renamed.domain.ThingHappened");
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(new String(upcast.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"thing-1\"}");
    }

    @Test
    void otherTypes_areLeftAlone() {
        assertThat(upcast("com.acme.older.ThingHappened").get(0).getType().getName())
                .isEqualTo("com.acme.older.ThingHappened");
        assertThat(upcaster.renamed("com.acme.other.ThingHappened")).isEqualTo("com.acme.other.ThingHappened");
    }

    @Test
    void prefixesMustBeWholePackages() {
        assertThatThrownBy(() -> new RenamedEventTypes(Map.of("com.acme.old", "com.acme.renamed.")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
