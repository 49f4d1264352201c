package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastTimeModuleTest {

    private final ObjectMapper fast = EventStoreAutoConfiguration.axonObjectMapper();
    private final ObjectMapper module = new ObjectMapper().registerModule(new JavaTimeModule());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-01-01T00:00:00Z\"",
                "\"2026-12-07T21:05:09.1Z\"",
                "\"2026-12-07T21:05:09.123Z\"",
                "\"2026-12-07T21:05:09.123456789Z\"",
                "\"2024-02-29T23:59:59.999Z\"",
                "\"2026-12-07T22:05:09.123+01:00\"", // another offset: the module's deserializer
                "1765141509.123000000", // seconds as a number: the module's deserializer
                "null",
            })
    void readsEveryInstantAsTheJavaTimeModule(String json) throws Exception {
        assertThat(fast.readValue(json, Instant.class)).isEqualTo(module.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-08\"", "\"2024-02-29\"", "\"0001-01-01\"", "[2026,12,8]", "null"})
    void readsEveryLocalDateAsTheJavaTimeModule(String json) throws Exception {
        assertThat(fast.readValue(json, LocalDate.class)).isEqualTo(module.readValue(json, LocalDate.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30T00:00:00Z\"", "\"2026-12-07 21:05:09Z\"", "\"yesterday\""})
    void refusesWhatTheModuleRefuses(String json) {
        assertThatThrownBy(() -> module.readValue(json, Instant.class)).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> fast.readValue(json, Instant.class)).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void refusesADayThatDoesNotExist() {
        assertThatThrownBy(() -> fast.readValue("\"2026-02-30\"", LocalDate.class))
                .isInstanceOf(JsonMappingException.class);
        assertThat(FastTimeModule.isoDate("2026-02-30")).isNull();
        assertThat(FastTimeModule.isoDate("2026-2-30")).isNull();
    }

    @Test
    void staysFirstAfterAxonsSerializerRegistersItsOwnTimeModule() throws Exception {
        ObjectMapper mapper = EventStoreAutoConfiguration.axonObjectMapper();
        JacksonSerializer.builder().objectMapper(mapper).build(); // registers a JavaTimeModule of its own

        assertThat(deserializerOf(mapper, Instant.class)).isInstanceOf(FastTimeModule.FastInstant.class);
        assertThat(deserializerOf(mapper, LocalDate.class)).isInstanceOf(FastTimeModule.FastLocalDate.class);
    }

    static Object deserializerOf(ObjectMapper mapper, Class<?> type) throws Exception {
        var context = ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext)
                        mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
        return context.findRootValueDeserializer(mapper.constructType(type));
    }
}
