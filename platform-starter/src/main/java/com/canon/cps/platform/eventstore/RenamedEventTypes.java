package com.canon.cps.platform.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads events and snapshots stored under a class name whose package has since been renamed: each stored payload type
 * that starts with an old prefix gets the new prefix instead; revision and payload stay as stored. A service registers
 * one as a bean in its {@code upcasting} package, the prefixes given as string literals (never {@code
 * Foo.class.getName()}), so that moving a class again cannot silently change what the stored events are read as.
 *
 * <pre>{@code
 * @Bean
 * RenamedEventTypes renamedMembershipPackage() {
 *     return new RenamedEventTypes(Map.of("com.acme.old.", "com.acme.renamed."));
 * }
 * }</pre>
 *
 * Stored deadlines and dead letters are not read through upcasters: a service renames their type names with a Flyway
 * migration.
 */
public class RenamedEventTypes extends SingleEventUpcaster {

    private final Map<String, String> newPrefixByOldPrefix;

    /** @param newPrefixByOldPrefix old package prefix (ending with {@code .}) → new prefix; the first match wins */
    public RenamedEventTypes(Map<String, String> newPrefixByOldPrefix) {
        newPrefixByOldPrefix.forEach((oldPrefix, newPrefix) -> {
            if (oldPrefix.isEmpty() || !oldPrefix.endsWith(".") || !newPrefix.endsWith(".")) {
                throw new IllegalArgumentException("package prefixes end with '.': " + oldPrefix + " -> " + newPrefix);
            }
        });
        this.newPrefixByOldPrefix = new LinkedHashMap<>(newPrefixByOldPrefix);
    }

    /** The type name a stored type name is read as: renamed if it starts with an old prefix, else unchanged. */
    public String renamed(String storedTypeName) {
        return oldPrefixOf(storedTypeName)
                .map(oldPrefix -> newPrefixByOldPrefix.get(oldPrefix) + storedTypeName.substring(oldPrefix.length()))
                .orElse(storedTypeName);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return oldPrefixOf(representation.getType().getName()).isPresent();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        SerializedType renamed = new SimpleSerializedType(renamed(stored.getName()), stored.getRevision());
        return representation.upcastPayload(
                renamed, (Class<Object>) representation.getContentType(), Function.identity());
    }

    private Optional<String> oldPrefixOf(String typeName) {
        return newPrefixByOldPrefix.keySet().stream()
                .filter(typeName::startsWith)
                .findFirst();
    }
}
