package com.canon.cps.contract.test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares a contract record with its checked-in JSON Schema. The checked-in schema is the published truth: a field
 * it has that the record lacks, or types differently, is a breaking change (publish a new version instead); a field
 * the record has that the schema lacks is an additive change not yet written down.
 */
final class SchemaCheck {

    private final EventType event;
    private final String schemaPath;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(EventType event, String schemaPath) {
        this.event = event;
        this.schemaPath = schemaPath;
    }

    /** Every difference between the record and the checked-in schema; empty when they agree. */
    static List<String> compare(EventType event, JsonNode schema, String schemaPath) {
        SchemaCheck check = new SchemaCheck(event, schemaPath);
        check.run(schema);
        return check.problems;
    }

    private void run(JsonNode schema) {
        if (!RecordSchemas.DIALECT.equals(schema.path("$schema").asString(""))) {
            problem("\"$schema\" must be \"" + RecordSchemas.DIALECT + "\"");
        }
        if (!RecordSchemas.schemaId(event.type()).equals(schema.path("$id").asString(""))) {
            problem("\"$id\" must be \"" + RecordSchemas.schemaId(event.type()) + "\"");
        }
        String description = schema.path("description").asString("");
        if (description.isBlank() || description.startsWith("TODO")) {
            problem("write the event's \"description\" (what happened, when it is published): it is the message"
                    + " summary of the AsyncAPI document");
        }
        Map<String, Class<?>> nested = new LinkedHashMap<>();
        compareObject("", event.record(), schema, nested);
        JsonNode defs = schema.path("$defs");
        Set<String> compared = new LinkedHashSet<>();
        // nested records are found while comparing; each may bring further ones
        while (compared.size() < nested.size()) {
            for (Map.Entry<String, Class<?>> e : new ArrayList<>(nested.entrySet())) {
                if (compared.add(e.getKey())) {
                    JsonNode def = defs.path(e.getKey());
                    if (def.isMissingNode()) {
                        additive("$defs/" + e.getKey() + " (the record "
                                + e.getValue().getSimpleName() + ")");
                    } else {
                        compareObject("$defs/" + e.getKey(), e.getValue(), def, nested);
                    }
                }
            }
        }
        for (String name : defs.propertyNames()) {
            if (!nested.containsKey(name)) {
                breaking("$defs/" + name + " is no longer used by the record");
            }
        }
    }

    private void compareObject(String where, Class<?> record, JsonNode schema, Map<String, Class<?>> nested) {
        if (!"object".equals(schema.path("type").asString(""))) {
            problem(label(where) + "\"type\" must be \"object\"");
        }
        JsonNode additional = schema.path("additionalProperties");
        if (!additional.isBoolean() || !additional.booleanValue()) {
            problem(label(where) + "\"additionalProperties\" must be true: consumers tolerate new fields");
        }
        Map<String, String> fromRecord = RecordSchemas.shapes(record, nested);
        Map<String, RecordSchemas.SchemaShape> fromSchema = new LinkedHashMap<>();
        schema.path("properties").forEachEntry((name, property) -> fromSchema.put(name, RecordSchemas.shape(property)));

        List<String> removed = new ArrayList<>(fromSchema.keySet());
        removed.removeAll(fromRecord.keySet());
        List<String> added = new ArrayList<>(fromRecord.keySet());
        added.removeAll(fromSchema.keySet());
        if (removed.size() == 1
                && added.size() == 1
                && fromSchema.get(removed.get(0)).shape().equals(fromRecord.get(added.get(0)))) {
            breaking(field(where, removed.get(0)) + " renamed to " + added.get(0));
        } else {
            removed.forEach(name -> breaking(field(where, name) + " removed"));
            added.forEach(name -> additive(field(where, name) + " (" + fromRecord.get(name) + ")"));
        }
        fromRecord.forEach((name, recordShape) -> {
            RecordSchemas.SchemaShape schemaShape = fromSchema.get(name);
            if (schemaShape != null && !schemaShape.shape().equals(recordShape)) {
                breaking(field(where, name) + " retyped from " + schemaShape.shape() + " to " + recordShape);
            }
        });

        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (String name : required) {
            if (!fromSchema.containsKey(name)) {
                problem(label(where) + "\"required\" names " + name + ", which is not among the properties");
            }
        }
        for (RecordComponent c : record.getRecordComponents()) {
            RecordSchemas.SchemaShape schemaShape = fromSchema.get(c.getName());
            if (schemaShape == null || required.contains(c.getName())) {
                continue;
            }
            // a field added within a version: old events lack it, so it reads as null
            if (!schemaShape.nullable()) {
                problem(field(where, c.getName())
                        + " is optional (not in \"required\"), so its type must allow null: old events lack it");
            }
            if (c.getType().isPrimitive()) {
                problem(field(where, c.getName()) + " is optional (not in \"required\") but a primitive "
                        + c.getType().getName() + " in the record: use the boxed type, absent reads as null");
            }
        }
    }

    private void breaking(String what) {
        problems.add("breaking change in " + event.type() + ": " + what + " — publish a ." + "v" + (event.version() + 1)
                + " instead, see docs/contracts.md");
    }

    private void additive(String what) {
        problems.add("additive change in " + event.type() + ": add " + what + " to the checked-in schema " + schemaPath
                + " (a new field: nullable type, not in \"required\"; add it to the golden sample too),"
                + " see docs/contracts.md");
    }

    private void problem(String what) {
        problems.add(event.type() + " (" + schemaPath + "): " + what);
    }

    private static String field(String where, String name) {
        return where.isEmpty() ? "field " + name : "field " + name + " of " + where;
    }

    private static String label(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }
}
