package com.canon.cps.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's unique indexes ({@code _id} and the others), in the same order and on disk in the
 * same bytes as the {@link ObjectDataType} mongo-java-server opens them with.
 *
 * <p>Why: an index key is a {@link KeyValue}, which is not {@code Comparable}, so {@code ObjectDataType} orders two of
 * them by their Java serialisations and serialises <em>both</em> for every comparison of a binary search: half of
 * the Mongo substitute's CPU under load went there (JFR, {@code lag} at 200 events/s). This type compares the same
 * bytes, but serialises a key object only once while it is held in a slot of a small direct-mapped cache keyed by the
 * object's identity (not by equality: two keys equal by {@code KeyValue.equals} need not serialise alike). The order
 * is exactly {@code ObjectDataType}'s, so index maps written before open as they were.
 */
final class IndexKeyType extends ObjectDataType {

    private static final int SLOTS = 1 << 14;

    private record Serialized(Object key, byte[] bytes) {}

    private final Serialized[] slots = new Serialized[SLOTS];
    private final LongAdder serialisations = new LongAdder();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    /** How often a key was serialised for a comparison (a cache miss). */
    long serialisations() {
        return serialisations.sum();
    }

    private byte[] bytes(Object key) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Serialized held = slots[slot]; // a racy read of an immutable record: at worst a miss
        if (held != null && held.key() == key) {
            return held.bytes();
        }
        byte[] bytes = serialize(key);
        serialisations.increment();
        slots[slot] = new Serialized(key, bytes);
        return bytes;
    }
}
