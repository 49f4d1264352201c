package com.canon.cps.verification.review.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
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

/** A {@code VerificationCaseOpened} stored at revision 1 (a sample as the JDBC event store holds it) reads as revision 2. */
class AddDocumentTypesToVerificationCaseOpenedUpcasterTest {

    /** Payload column of a revision-1 event, as written before document types existed. */
    private static final String REVISION_1_SAMPLE = """
            {"caseId":"5f7c1b8e-3c1d-3f0a-9d55-6a1c2f0b9e11","accountId":"acc-1","companyName":"Lumen Studio Ltd",
             "country":"GB","vatLiable":true,"vatId":"GB980780684","documentIds":["doc-1","doc-2"],
             "submittedAt":"2025-12-24T10:00:00Z","deadline":"2025-12-30T23:59:59.999999999Z"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    @Test
    void revision1_isUpcastToRevision2_withTheDocumentTypesUnknown() {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "VerificationCase",
                "5f7c1b8e-3c1d-3f0a-9d55-6a1c2f0b9e11",
                0,
                "event-1",
                Instant.parse("2025-12-24T10:00:01Z"),
                VerificationCaseOpened.class.getName(),
                "1",
                REVISION_1_SAMPLE.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new AddDocumentTypesToVerificationCaseOpenedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        VerificationCaseOpened event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.documents())
                .containsExactly(new EvidenceDocument("doc-1", null), new EvidenceDocument("doc-2", null));
        assertThat(event.documents()).allMatch(EvidenceDocument::missing);
        assertThat(event.vatId()).isEqualTo("GB980780684");
        assertThat(event.deadline()).isEqualTo("2025-12-30T23:59:59.999999999Z");
    }

    /**
     * Upcasters see the stored form, where personal values are encrypted for the account (ADR 23): they carry them
     * along untouched, for the serializer to decrypt (or read as erased) afterwards.
     */
    @Test
    void revision1_withEncryptedPersonalValues_carriesThemAlongUnchanged() throws Exception {
        String companyName = "p1..1.c2VhbGVkLWNvbXBhbnktbmFtZQ";
        String vatId = "p1..1.c2VhbGVkLXZhdC1pZA";
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode revision1 = json.readTree(REVISION_1_SAMPLE
                .replace("\"Lumen Studio Ltd\"", "\"" + companyName + "\"")
                .replace("\"GB980780684\"", "\"" + vatId + "\""));

        com.fasterxml.jackson.databind.JsonNode revision2 =
                AddDocumentTypesToVerificationCaseOpenedUpcaster.upcast(revision1);

        assertThat(revision2.path("companyName").asText()).isEqualTo(companyName);
        assertThat(revision2.path("vatId").asText()).isEqualTo(vatId);
        assertThat(revision2.path("accountId").asText()).as("the data subject").isEqualTo("acc-1");
        assertThat(revision2.path("documents")).hasSize(2);
    }

    @Test
    void revision2_isLeftAlone() {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "VerificationCase",
                "c",
                0,
                "event-2",
                Instant.parse("2025-12-24T10:00:01Z"),
                VerificationCaseOpened.class.getName(),
                "2",
                "{\"documents\":[]}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new AddDocumentTypesToVerificationCaseOpenedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
    }
}
