package com.canon.cps.platform.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent read-model writes. The processor's token lives in PostgreSQL and the view in MongoDB, so after a crash
 * an event can be handled again; every write is therefore a single-document upsert guarded by a version that only
 * grows (the aggregate sequence number of the event, or its global index): an event older than or equal to what the
 * document already reflects changes nothing. No multi-document transactions are needed.
 */
public class ProjectionWriter {

    /** Field holding the version of the last event applied to a document. */
    public static final String VERSION = "_version";

    private final MongoTemplate mongo;

    public ProjectionWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to document {@code id} unless it already reflects {@code version}.
     *
     * @return true when applied, false when the event was already reflected
     */
    public boolean upsert(String collection, String id, long version, Update update) {
        Query query = Query.query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where(VERSION).lt(version),
                        Criteria.where(VERSION).exists(false)));
        try {
            mongo.upsert(query, update.set(VERSION, version), collection);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            // the document exists with a version >= this one: the filter missed it, the insert collided on _id
            return false;
        }
    }

    public MongoTemplate mongo() {
        return mongo;
    }
}
