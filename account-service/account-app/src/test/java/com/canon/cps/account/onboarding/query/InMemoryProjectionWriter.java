package com.canon.cps.account.onboarding.query;

import com.canon.cps.platform.projection.ProjectionWriter;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The projection writer's contract without MongoDB: documents by collection and id, each {@code $set} applied unless
 * the document already reflects the event's version.
 */
class InMemoryProjectionWriter extends ProjectionWriter {

    private final Map<String, Map<String, Object>> documents = new HashMap<>();

    InMemoryProjectionWriter() {
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
        return true;
    }

    Map<String, Object> document(String collection, String id) {
        return documents.getOrDefault(collection + "/" + id, Map.of());
    }
}
