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
 *
 * <p>Handlers name the logical collection (the view's {@code @Document} collection); the writer resolves the physical
 * one of the right version of the projection (see {@link Projections}): for the live processor the active version,
 * for a rebuild the version being built. During a rebuild the upserts of a batch are collected and written in bulk.
 */
public class ProjectionWriter {

    /** Field holding the version of the last event applied to a document. */
    public static final String VERSION = "_version";

    private static final ThreadLocal<RebuildTarget> REBUILD = new ThreadLocal<>();

    private final MongoTemplate mongo;
    private final Projections projections;

    public ProjectionWriter(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /**
     * Applies {@code update} to document {@code id} unless it already reflects {@code version}.
     *
     * @return true when applied (or, during a rebuild, queued for the batch's bulk write), false when the event was
     *     already reflected
     */
    public boolean upsert(String collection, String id, long version, Update update) {
        RebuildTarget rebuild = REBUILD.get();
        if (rebuild != null) {
            rebuild.add(collection, id, version, update);
            return true;
        }
        String physical = projections
                .owner(collection)
                .map(name -> Projections.physical(collection, projections.liveVersion(name)))
                .orElse(collection);
        try {
            mongo.upsert(guard(id, version), update.set(VERSION, version), physical);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            // the document exists with a version >= this one: the filter missed it, the insert collided on _id
            return false;
        }
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    static Query guard(String id, long version) {
        return Query.query(guardCriteria(id, version));
    }

    static Criteria guardCriteria(String id, long version) {
        return Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where(VERSION).lt(version),
                        Criteria.where(VERSION).exists(false));
    }

    /**
     * Runs {@code work} with this thread's writes going to version {@code version} of projection {@code name},
     * collected in {@code batch} instead of written one by one.
     */
    static void rebuilding(Projections.Definition projection, int version, BulkUpserts batch, Runnable work) {
        REBUILD.set(new RebuildTarget(projection, version, batch));
        try {
            work.run();
        } finally {
            REBUILD.remove();
        }
    }

    private record RebuildTarget(Projections.Definition projection, int version, BulkUpserts batch) {
        void add(String collection, String id, long version, Update update) {
            if (!projection.collections().contains(collection)) {
                throw new IllegalStateException("Projection " + projection.name() + " writes " + collection
                        + ", which its @Projection does not declare");
            }
            batch.add(Projections.physical(collection, this.version), id, version, update);
        }
    }
}
