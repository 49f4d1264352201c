package com.canon.cps.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.eventstore.CachingJacksonSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Axon's serializers in a service are the platform's caching Jackson serializer (the events' wrapped for privacy). */
@SampleServiceTest
class SerializerConfigurationIT {

    @Autowired
    Serializer serializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    Configuration axon;

    @Test
    void axonUsesTheCachingSerializer() {
        assertThat(serializer).isInstanceOf(CachingJacksonSerializer.class);
        assertThat(messageSerializer).isSameAs(serializer);
        assertThat(axon.serializer()).isSameAs(serializer);
        assertThat(axon.eventSerializer().getClass().getSimpleName()).isEqualTo("CryptoShreddingSerializer");
    }
}
