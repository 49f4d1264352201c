package com.canon.cps.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's {@link JacksonSerializer}, which looks up the class of a stored type name ({@code TypeFactory.findClass},
 * after a search of its set of unknown names) and builds a reader for it ({@code ObjectMapper.readerFor}, which finds
 * and contextualises the root deserializer) for every payload and every metadata map it reads: together more than a
 * tenth of the table publisher's time per event (JFR, PublisherBenchmark). This one keeps both per name and per class;
 * readers are immutable and thread-safe, and a name that resolves to no class is still left to Axon every time. Its
 * metadata is read by {@link MetaDataReader}.
 */
public final class CachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private CachingJacksonSerializer(Builder builder) {
        super(builder);
        // after Axon's own metadata module, which the constructor above registered: so this one is found first
        getObjectMapper()
                .registerModule(
                        new SimpleModule("cps-metadata").addDeserializer(MetaData.class, new MetaDataReader(null)));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    /**
     * Reads {@link MetaData} as Axon's {@code MetaDataDeserializer} does (a {@code HashMap<String, Object>}, then
     * {@code MetaData.from}), with the map's deserializer found once per mapper instead of on every read (a quarter of
     * the metadata's reading time).
     */
    static final class MetaDataReader extends JsonDeserializer<MetaData> implements ContextualDeserializer {

        private final JsonDeserializer<Object> map;

        MetaDataReader(JsonDeserializer<Object> map) {
            this.map = map;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return map != null ? this : new MetaDataReader(mapReader(context));
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonDeserializer<Object> reader = map != null ? map : mapReader(context);
            return MetaData.from((Map<String, ?>) reader.deserialize(p, context, new HashMap<String, Object>()));
        }

        /** Jackson's deserializer of a {@code HashMap<String, Object>}, as Axon's reader finds it on every read. */
        private static JsonDeserializer<Object> mapReader(DeserializationContext context) throws JsonMappingException {
            return context.findRootValueDeserializer(
                    context.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext context, TypeDeserializer types)
                throws IOException {
            return types.deserializeTypedFromObject(p, context);
        }
    }

    /**
     * Axon's builder, building this serializer: the revision resolver, converter and mapper as Axon's. The settings
     * Axon's {@code build()} applies to the mapper itself (lenient deserialisation, default typing, a class loader) are
     * refused: configure the mapper instead.
     */
    public static final class Builder extends JacksonSerializer.Builder {
        @Override
        public CachingJacksonSerializer build() {
            return new CachingJacksonSerializer(this);
        }

        @Override
        public Builder lenientDeserialization() {
            throw new UnsupportedOperationException("configure the ObjectMapper instead");
        }

        @Override
        public Builder defaultTyping() {
            throw new UnsupportedOperationException("configure the ObjectMapper instead");
        }

        @Override
        public Builder classLoader(ClassLoader classLoader) {
            throw new UnsupportedOperationException("configure the ObjectMapper instead");
        }
    }
}
