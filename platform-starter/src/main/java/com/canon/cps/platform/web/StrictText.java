package com.canon.cps.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Jackson's string deserializer, taking JSON strings only (a number or a boolean is not text: {@code "companyName":
 * 12345} is refused, not read as {@code "12345"}) and refusing text with a NUL character (U+0000): no field of the API
 * can mean it, and PostgreSQL cannot store it in text columns, so such a value would otherwise fail deep inside a
 * service as a 500 instead of being refused as a 400.
 */
final class StrictText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw ctxt.wrongTokenException(p, String.class, JsonToken.VALUE_STRING, "expected a JSON string");
        }
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ctxt.weirdStringException(value, String.class, "contains a NUL character");
        }
        return value;
    }
}
