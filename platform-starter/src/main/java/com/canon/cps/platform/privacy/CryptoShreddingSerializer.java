package com.canon.cps.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer with crypto-shredding (ADR 23): it encrypts every {@link PersonalData} string of an event with
 * its subject's data key as the event is stored, and decrypts it as the event is read, for aggregates, processors,
 * projection rebuilds, dead letters and the publisher alike. Upcasters run before it on the stored form and see (and
 * carry along) the encrypted strings. Types without personal data pass through unchanged.
 */
final class CryptoShreddingSerializer implements Serializer {

    private final Serializer delegate;
    private final Supplier<PersonalDataKeys> keys;

    CryptoShreddingSerializer(Serializer delegate, Supplier<PersonalDataKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataSchema schema = object == null ? null : PersonalDataSchema.of(object.getClass());
        if (schema == null || !schema.holdsPersonalData()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> json = delegate.serialize(object, JsonNode.class);
        ObjectNode node = (ObjectNode) json.getData();
        String subject = subject(schema, node, object.getClass());
        PersonalDataKeys store = keys.get();
        schema.transform(node, (scope, text) -> store.encrypt(subject, scope, text));
        return getConverter().convert(json, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = SerializedType.emptyType().equals(serializedObject.getType())
                ? null
                : delegate.classForType(serializedObject.getType());
        PersonalDataSchema schema = type == null ? null : PersonalDataSchema.of(type);
        if (schema == null || !schema.holdsPersonalData()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode data = getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(data instanceof ObjectNode)) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode node = ((ObjectNode) data).deepCopy();
        String subject = subject(schema, node, type);
        PersonalDataKeys store = keys.get();
        schema.transform(node, (scope, text) -> store.decrypt(subject, text));
        return delegate.deserialize(new SimpleSerializedObject<>(node, JsonNode.class, serializedObject.getType()));
    }

    private static String subject(PersonalDataSchema schema, ObjectNode node, Class<?> type) {
        JsonNode subject = schema.subjectProperty() == null ? null : node.get(schema.subjectProperty());
        if (subject == null || !subject.isTextual() || subject.textValue().isBlank()) {
            throw new IllegalStateException(type.getName() + " holds personal data but names no data subject: give it"
                    + " an accountId or mark the component that names the account @DataSubject (ADR 23)");
        }
        return subject.textValue();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
