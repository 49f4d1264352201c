package com.canon.cps.contract.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A golden sample is one realistic event of a type and version as it travels on the wire, written once and then
 * frozen. It must validate against the checked-in schema, carry every field the schema has (and no other), read into
 * the record, and be exactly what the record writes back (so dates, instants and money keep their wire format).
 */
final class GoldenSampleCheck {

    /** As strict as a reader can be: the golden sample must not need tolerance. */
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** Draft 2020-12; {@code format} (date, date-time) asserted, not only annotated. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private GoldenSampleCheck() {}

    /** The checked-in schema, itself validated against the draft 2020-12 meta-schema. */
    static List<String> metaSchemaProblems(JsonNode schema) {
        Schema meta = SCHEMAS.getSchema(com.networknt.schema.SchemaLocation.of(RecordSchemas.DIALECT));
        return meta.validate(schema).stream().map(Error::toString).toList();
    }

    static List<String> check(EventType event, JsonNode schema, JsonNode golden, String goldenPath) {
        List<String> problems = new ArrayList<>();
        String prefix = "golden sample " + goldenPath + ": ";
        if (!golden.isObject()) {
            problems.add(prefix + "must be a JSON object");
            return problems;
        }
        for (Error error : SCHEMAS.getSchema(schema).validate(golden)) {
            problems.add(prefix + "does not validate against the schema: " + error);
        }
        fields(schema, schema, golden, "", prefix, problems);
        Object record;
        try {
            record = STRICT.treeToValue(golden, event.record());
        } catch (JacksonException e) {
            problems.add(
                    prefix + "does not read into " + event.record().getSimpleName() + ": " + e.getOriginalMessage());
            return problems;
        }
        JsonNode written = STRICT.readTree(STRICT.writeValueAsString(record));
        JsonNode canonical = STRICT.readTree(STRICT.writeValueAsString(golden));
        if (!written.equals(canonical)) {
            problems.add(prefix + "is not what the record writes: the record writes " + written);
        }
        return problems;
    }

    /** Every property of the schema present, no other, in the sample and its nested objects. */
    private static void fields(
            JsonNode root, JsonNode objectSchema, JsonNode value, String path, String prefix, List<String> problems) {
        JsonNode properties = objectSchema.path("properties");
        for (String name : properties.propertyNames()) {
            if (!value.has(name)) {
                problems.add(prefix + "lacks field " + path + name + " (a golden sample carries every field)");
            }
        }
        for (String name : value.propertyNames()) {
            JsonNode property = properties.path(name);
            if (property.isMissingNode()) {
                problems.add(prefix + "has field " + path + name + ", which the schema does not: a removed or renamed"
                        + " field is a breaking change (publish a new version), see docs/contracts.md");
                continue;
            }
            nested(root, property, value.get(name), path + name, prefix, problems);
        }
    }

    private static void nested(
            JsonNode root, JsonNode property, JsonNode value, String path, String prefix, List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        String shape = RecordSchemas.shape(property).shape();
        if (shape.startsWith("$defs/") && value.isObject()) {
            fields(root, root.path("$defs").path(shape.substring(6)), value, path + ".", prefix, problems);
        } else if (shape.startsWith("array of ") && value.isArray()) {
            JsonNode items = property.has("items") ? property.get("items") : itemsOf(property);
            int i = 0;
            for (JsonNode element : value) {
                nested(root, items, element, path + "[" + i++ + "]", prefix, problems);
            }
        }
    }

    private static JsonNode itemsOf(JsonNode property) {
        for (String combinator : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode alternative : property.path(combinator)) {
                if (alternative.has("items")) {
                    return alternative.get("items");
                }
            }
        }
        return property.path("items");
    }
}
