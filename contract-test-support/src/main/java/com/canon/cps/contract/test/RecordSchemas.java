package com.canon.cps.contract.test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of a contract record, derived by reflection from its components, and the "shape" of
 * a field (its JSON type, ignoring nullability and descriptions) on both sides, so that a record and its checked-in
 * schema can be compared.
 *
 * <p>Mapping: {@code String}, enums, {@code UUID} → string; {@code LocalDate} → string, format date; {@code Instant},
 * {@code OffsetDateTime} → string, format date-time; {@code boolean} → boolean; {@code int}, {@code long},
 * {@code short}, {@code BigInteger} → integer; {@code double}, {@code float}, {@code BigDecimal} → number;
 * {@code List}/{@code Set}/{@code Collection} of X → array of X; a record → {@code $ref} to {@code $defs/<Name>}.
 */
public final class RecordSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordSchemas() {}

    /**
     * A schema for an event record, with its nested records as {@code $defs}. With {@code referencesNullable}, every
     * field of a reference type allows null (the safe default for a new schema: tighten what is never null), else no
     * field does. Every field is required; the description is a placeholder to be written.
     */
    public static ObjectNode generate(EventType event, boolean referencesNullable) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", schemaId(event.type()));
        schema.put("title", event.name() + " v" + event.version());
        schema.put("description", "TODO: what happened, when it is published, what the fields mean");
        Map<String, ObjectNode> defs = new LinkedHashMap<>();
        objectSchema(schema, event.record(), referencesNullable, defs);
        if (!defs.isEmpty()) {
            ObjectNode d = schema.putObject("$defs");
            defs.forEach(d::set);
        }
        return schema;
    }

    /** The {@code $id} of an event type's schema. */
    public static String schemaId(String type) {
        return "urn:cps:schema:" + type;
    }

    /** The shapes of a record's components, by JSON name, and the records they refer to. */
    static Map<String, String> shapes(Class<?> record, Map<String, Class<?>> nested) {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            shapes.put(c.getName(), shape(c.getGenericType(), record, c.getName(), nested));
        }
        return shapes;
    }

    private static void objectSchema(
            ObjectNode target, Class<?> record, boolean referencesNullable, Map<String, ObjectNode> defs) {
        target.put("type", "object");
        ObjectNode properties = target.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            boolean nullable = referencesNullable && !c.getType().isPrimitive();
            properties.set(
                    c.getName(), property(c.getGenericType(), nullable, referencesNullable, record, c.getName(), defs));
            required.add(c.getName());
        }
        target.set("required", required);
        target.put("additionalProperties", true);
    }

    private static ObjectNode property(
            Type type,
            boolean nullable,
            boolean referencesNullable,
            Class<?> owner,
            String field,
            Map<String, ObjectNode> defs) {
        Class<?> raw = raw(type);
        ObjectNode p = JSON.objectNode();
        if (raw.isRecord()) {
            if (!defs.containsKey(raw.getSimpleName())) {
                ObjectNode def = JSON.objectNode();
                defs.put(raw.getSimpleName(), def); // before recursing: a record may refer to itself
                def.put("description", "TODO: " + raw.getSimpleName());
                objectSchema(def, raw, referencesNullable, defs);
            }
            String ref = "#/$defs/" + raw.getSimpleName();
            if (nullable) {
                ArrayNode anyOf = p.putArray("anyOf");
                anyOf.addObject().put("$ref", ref);
                anyOf.addObject().put("type", "null");
            } else {
                p.put("$ref", ref);
            }
            return p;
        }
        String shape = shape(type, owner, field, new LinkedHashMap<>());
        String jsonType = shape.startsWith("array") ? "array" : shape.split(" ")[0];
        if (nullable) {
            p.putArray("type").add(jsonType).add("null");
        } else {
            p.put("type", jsonType);
        }
        if (shape.startsWith("string (")) {
            p.put("format", shape.substring("string (".length(), shape.length() - 1));
        }
        if (jsonType.equals("array")) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            p.set("items", property(element, false, referencesNullable, owner, field, defs));
        }
        return p;
    }

    /** The shape of a Java type; records met on the way are added to {@code nested}. */
    static String shape(Type type, Class<?> owner, String field, Map<String, Class<?>> nested) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw.isEnum() || raw == UUID.class || raw == char.class || raw == Character.class) {
            return "string";
        }
        if (raw == LocalDate.class) {
            return "string (date)";
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return "string (date-time)";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class
                || raw == long.class
                || raw == short.class
                || raw == byte.class
                || raw == Integer.class
                || raw == Long.class
                || raw == Short.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == double.class
                || raw == float.class
                || raw == Double.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            return "number";
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return "array of " + shape(p.getActualTypeArguments()[0], owner, field, nested);
        }
        if (raw.isRecord()) {
            nested.putIfAbsent(raw.getSimpleName(), raw);
            return "$defs/" + raw.getSimpleName();
        }
        throw new AssertionError(owner.getName() + "." + field + " has type " + type.getTypeName()
                + ", which has no JSON mapping in the contract rules (strings, dates, instants, booleans, numbers,"
                + " lists, records)");
    }

    /**
     * The shape a schema gives a property, and whether it allows null; {@code null} shape when the schema uses
     * something the contract rules do not (then it is reported as such).
     */
    record SchemaShape(String shape, boolean nullable) {}

    static SchemaShape shape(JsonNode property) {
        if (property.has("$ref")) {
            String ref = property.get("$ref").asString();
            return new SchemaShape(ref.startsWith("#/$defs/") ? "$defs/" + ref.substring(8) : "$ref " + ref, false);
        }
        for (String combinator : new String[] {"anyOf", "oneOf"}) {
            if (property.has(combinator)) {
                boolean nullable = false;
                SchemaShape only = null;
                int others = 0;
                for (JsonNode alternative : property.get(combinator)) {
                    if (alternative.size() == 1
                            && "null".equals(alternative.path("type").asString(""))) {
                        nullable = true;
                    } else {
                        only = shape(alternative);
                        others++;
                    }
                }
                if (others != 1) {
                    return new SchemaShape(combinator + " of " + others + " types", nullable);
                }
                return new SchemaShape(only.shape(), nullable || only.nullable());
            }
        }
        JsonNode type = property.path("type");
        boolean nullable = false;
        String single = null;
        int count = 0;
        if (type.isString()) {
            single = type.asString();
            count = 1;
        } else if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asString().equals("null")) {
                    nullable = true;
                } else {
                    single = t.asString();
                    count++;
                }
            }
        }
        if (count != 1) {
            return new SchemaShape("no single type", nullable);
        }
        if (single.equals("string") && property.has("format")) {
            return new SchemaShape("string (" + property.get("format").asString() + ")", nullable);
        }
        if (single.equals("array")) {
            return new SchemaShape("array of " + shape(property.path("items")).shape(), nullable);
        }
        return new SchemaShape(single, nullable);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("unsupported type " + type.getTypeName());
    }
}
