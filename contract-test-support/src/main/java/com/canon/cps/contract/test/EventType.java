package com.canon.cps.contract.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published event type: a record of a contract artifact with its {@code TYPE} constant
 * ({@code cps.<service>.<Name>.v<N>}).
 *
 * @param record the contract record ({@code <Name>} for v1, {@code <Name>V<N>} from v2 on)
 * @param type the {@code ce_type}
 * @param name the event's name without version, e.g. {@code MembershipActivated}
 * @param version the {@code N} of {@code .vN}
 */
public record EventType(Class<?> record, String type, String name, int version) implements Comparable<EventType> {

    private static final Pattern TYPE = Pattern.compile("cps\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    /** The event type of a record with a {@code public static final String TYPE}, if it has one. */
    static Optional<EventType> of(Class<?> record, String service) {
        if (!record.isRecord()) {
            return Optional.empty();
        }
        Field field;
        try {
            field = record.getField("TYPE");
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.getType() != String.class) {
            throw new AssertionError(record.getName() + ".TYPE must be a public static final String");
        }
        String type;
        try {
            type = (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(record.getName() + ".TYPE is not readable", e);
        }
        Matcher m = TYPE.matcher(type);
        if (!m.matches() || !m.group(1).equals(service)) {
            throw new AssertionError(record.getName() + ".TYPE is \"" + type + "\": it must be cps." + service
                    + ".<Name>.v<N> (see docs/contracts.md)");
        }
        String name = m.group(2);
        int version = Integer.parseInt(m.group(3));
        String expectedClass = version == 1 ? name : name + "V" + version;
        if (!record.getSimpleName().equals(expectedClass)) {
            throw new AssertionError(record.getName() + " publishes " + type + ": its record must be named "
                    + expectedClass + " (version 1: <Name>, later versions: <Name>V<N>)");
        }
        return Optional.of(new EventType(record, type, name, version));
    }

    /** {@code <Name>.v<N>}: the key of the message and of its payload schema in the AsyncAPI document. */
    public String key() {
        return name + ".v" + version;
    }

    /** The checked-in JSON Schema's path inside the contract artifact. */
    public String schemaResource() {
        return "META-INF/cps/schemas/" + type + ".schema.json";
    }

    /**
     * The golden sample's path inside the contract artifact, where the service's own tests and its subscribers' tests
     * read it.
     */
    public String goldenResource() {
        return "META-INF/cps/samples/" + type + ".json";
    }

    @Override
    public int compareTo(EventType other) {
        return type.compareTo(other.type);
    }
}
