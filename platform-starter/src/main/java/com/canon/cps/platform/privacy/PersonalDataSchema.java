package com.canon.cps.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Where the personal data of one event type is in its JSON form (the property names of its record components): which
 * properties are {@link PersonalData} (every string below them, with the key scope), which records hold some further
 * down, and which property names the {@link DataSubject}. Found once per class by reflection.
 */
final class PersonalDataSchema {

    private static final String DEFAULT_SUBJECT = "accountId";
    private static final ClassValue<PersonalDataSchema> SCHEMAS = new ClassValue<>() {
        @Override
        protected PersonalDataSchema computeValue(Class<?> type) {
            return build(type);
        }
    };

    /** A property with personal data: every string below it ({@code scope} set) or a record searched further. */
    private record Rule(String scope, PersonalDataSchema nested) {}

    private final String subject;
    private final Map<String, Rule> rules;
    private final Set<String> scopes;

    private PersonalDataSchema(String subject, Map<String, Rule> rules) {
        this.subject = subject;
        this.rules = rules;
        Set<String> all = new LinkedHashSet<>();
        rules.values().forEach(r -> {
            if (r.scope() != null) {
                all.add(r.scope());
            } else {
                all.addAll(r.nested().scopes);
            }
        });
        this.scopes = Set.copyOf(all);
    }

    static PersonalDataSchema of(Class<?> type) {
        return SCHEMAS.get(type);
    }

    boolean holdsPersonalData() {
        return !rules.isEmpty();
    }

    /** The JSON property naming the data subject, or null when the type has none. */
    String subjectProperty() {
        return subject;
    }

    /** The key scopes the type's personal data uses ("" = the subject's own key). */
    Set<String> scopes() {
        return scopes;
    }

    /** Replaces every personal string below {@code node} by {@code change(scope, text)}, in place. */
    void transform(ObjectNode node, BinaryOperator<String> change) {
        rules.forEach((property, rule) -> {
            JsonNode child = node.get(property);
            if (child == null || child.isNull()) {
                return;
            }
            if (rule.scope() != null) {
                if (child.isTextual()) {
                    node.set(property, TextNode.valueOf(change.apply(rule.scope(), child.textValue())));
                } else {
                    everyString(child, rule.scope(), change);
                }
            } else if (child.isObject()) {
                rule.nested().transform((ObjectNode) child, change);
            } else if (child.isArray()) {
                child.forEach(element -> {
                    if (element.isObject()) {
                        rule.nested().transform((ObjectNode) element, change);
                    }
                });
            }
        });
    }

    private static void everyString(JsonNode node, String scope, BinaryOperator<String> change) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, TextNode.valueOf(change.apply(scope, child.textValue())));
                } else {
                    everyString(child, scope, change);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, TextNode.valueOf(change.apply(scope, child.textValue())));
                } else {
                    everyString(child, scope, change);
                }
            }
        }
    }

    private static PersonalDataSchema build(Class<?> type) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        String subject = null;
        boolean hasDefaultSubject = false;
        for (Member member : members(type)) {
            PersonalData personal = member.annotated().getAnnotation(PersonalData.class);
            if (member.annotated().isAnnotationPresent(DataSubject.class)) {
                subject = member.name();
            }
            hasDefaultSubject |= DEFAULT_SUBJECT.equals(member.name());
            if (personal != null) {
                if (!personal.scope().matches("[a-z0-9-]*")) {
                    throw new IllegalStateException(
                            type.getName() + "." + member.name() + ": a key scope is lower-case letters, digits, '-'");
                }
                rules.put(member.name(), new Rule(personal.scope(), null));
                continue;
            }
            Class<?> searched = searchedType(member.type(), member.genericType());
            if (searched != null) {
                PersonalDataSchema nested = of(searched);
                if (nested.holdsPersonalData()) {
                    rules.put(member.name(), new Rule(null, nested));
                }
            }
        }
        return new PersonalDataSchema(subject != null ? subject : hasDefaultSubject ? DEFAULT_SUBJECT : null, rules);
    }

    /** The record a property holds, directly or as the elements of a collection or array; null for anything else. */
    private static Class<?> searchedType(Class<?> raw, Type generic) {
        if (raw.isRecord()) {
            return raw;
        }
        if (raw.isArray() && raw.getComponentType().isRecord()) {
            return raw.getComponentType();
        }
        if (Collection.class.isAssignableFrom(raw)
                && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return element;
        }
        return null;
    }

    private record Member(String name, Class<?> type, Type genericType, AnnotatedElement annotated) {}

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                members.add(new Member(c.getName(), c.getType(), c.getGenericType(), c));
            }
            return members;
        }
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return members;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    members.add(new Member(f.getName(), f.getType(), f.getGenericType(), f));
                }
            }
        }
        return members;
    }
}
