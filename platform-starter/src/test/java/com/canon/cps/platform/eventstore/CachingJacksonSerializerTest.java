package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class CachingJacksonSerializerTest {

    record Issued(String accountId, Instant at, LocalDate due) {}

    private final CachingJacksonSerializer caching = (CachingJacksonSerializer) CachingJacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
            .build();
    private final JacksonSerializer axon = JacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
            .build();

    @Test
    void readsAndWritesAsAxonsSerializer() {
        Issued event = new Issued("acc-1", Instant.parse("2026-12-08T03:30:00.123Z"), LocalDate.parse("2026-12-31"));
        MetaData metaData =
                MetaData.from(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        SerializedObject<byte[]> payload = caching.serialize(event, byte[].class);
        SerializedObject<byte[]> meta = caching.serialize(metaData, byte[].class);

        assertThat(payload.getData())
                .isEqualTo(axon.serialize(event, byte[].class).getData());
        assertThat(payload.getType())
                .isEqualTo(axon.serialize(event, byte[].class).getType());
        for (int read = 0; read < 2; read++) { // the second read uses the kept class and reader
            assertThat((Object) caching.deserialize(payload)).isEqualTo(event).isEqualTo(axon.deserialize(payload));
            assertThat((Object) caching.deserialize(meta)).isEqualTo(metaData).isEqualTo(axon.deserialize(meta));
        }
    }

    @Test
    void keepsTheClassAndTheReaderOfAType() throws Exception {
        SimpleSerializedType type = new SimpleSerializedType(Issued.class.getName(), null);

        assertThat(caching.classForType(type)).isEqualTo(Issued.class);
        assertThat(caching.classForType(new SimpleSerializedType(Issued.class.getName(), null)))
                .isSameAs(caching.classForType(type));
        assertThat(caching.getReader(Issued.class)).isSameAs(caching.getReader(Issued.class));
        assertThat(FastTimeModuleTest.deserializerOf(caching.getObjectMapper(), MetaData.class))
                .isInstanceOf(CachingJacksonSerializer.MetaDataReader.class);
        assertThat(axon.getObjectMapper().readerFor(Issued.class))
                .as("Axon's own lookup builds a new reader each time")
                .isNotSameAs(axon.getObjectMapper().readerFor(Issued.class));
    }

    @Test
    void anUnknownOrEmptyTypeIsStillAxons() {
        assertThat(caching.classForType(new SimpleSerializedType("com.example.Gone", null)))
                .isEqualTo(UnknownSerializedType.class);
        assertThat(caching.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }
}
