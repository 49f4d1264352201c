package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the registry adapters: a body that is not a JSON object is a malformed answer ({@code TECHNICAL_ERROR}). */
final class RegistryJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryJson() {}

    static JsonNode object(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // falls through: not JSON
        }
        throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
    }

    /** The body as a JSON object, or an empty object when it is none (an error body may be HTML or empty). */
    static JsonNode objectOrEmpty(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // an error page, not JSON
        }
        return JSON.createObjectNode();
    }

    /** A text field, or {@code null} when it is missing, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    /**
     * The registry's own time stamp of its answer (ISO-8601 with offset, e.g. {@code 2019-01-31T12:53:05+00:00}); the
     * fallback when it is missing or only a date.
     */
    static Instant timestamp(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
