package com.canon.cps.platform.test;

import com.canon.cps.platform.projection.ProjectionWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The projection writer's contract without MongoDB, for projection unit tests: each upsert is applied to an in-memory
 * document (its {@code $set}) unless the document already reflects the event's version, and every applied upsert is
 * recorded, so a test can assert either what a handler wrote or the document that results.
 */
public class FakeProjectionWriter extends ProjectionWriter {

    /** One applied upsert. */
    public record Write(String collection, String id, long version, Update update) {
        /** The fields the upsert sets. */
        public Document set() {
            return (Document) update.getUpdateObject().get("$set");
        }
    }

    private final Map<String, Map<String, Object>> documents = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();

    public FakeProjectionWriter() {
        super(null, null);
    }

    @Override
    public boolean upsert(String collection, String id, long version, Update update) {
        Map<String, Object> document = documents.computeIfAbsent(collection + "/" + id, k -> new HashMap<>());
        Object applied = document.get(VERSION);
        if (applied != null && (long) applied >= version) {
            return false;
        }
        Document set = (Document) update.getUpdateObject().get("$set");
        if (set != null) {
            document.putAll(set);
        }
        document.put(VERSION, version);
        writes.add(new Write(collection, id, version, update));
        return true;
    }

    /** The applied upserts in order. */
    public List<Write> writes() {
        return writes;
    }

    /** The one applied upsert; fails when there were none or several. */
    public Write only() {
        if (writes.size() != 1) {
            throw new AssertionError("expected exactly one write, got " + writes.size() + ": " + writes);
        }
        return writes.get(0);
    }

    /** The document as the upserts left it (empty when never written). */
    public Map<String, Object> document(String collection, String id) {
        return documents.getOrDefault(collection + "/" + id, Map.of());
    }
}
