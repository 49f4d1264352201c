package com.canon.cps.platform.embedded;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's two backends, with MongoDB's use of the {@code _id} index for a query that names an {@code _id}
 * beside other conditions.
 *
 * <p>Why: mongo-java-server uses an index only when a query names exactly the index's fields, so every guarded
 * read-model write ({@code {_id: x, $or: [{_version: {$lt: v}}, {_version: {$exists: false}}]}}, the
 * {@code ProjectionWriter}'s idempotence guard) read and matched every document of its collection: a write cost grew
 * with the collection, and the projections fell behind under load. MongoDB answers such a query from the
 * {@code _id} index. Here a query with an {@code _id} and other conditions first takes the documents the
 * {@code _id} alone selects (through the index, when the {@code _id} condition is one the index answers) and then
 * matches the whole query on them: a query's conditions are a conjunction, so its result is always among those
 * documents, and the answer is the same as before.
 */
final class IdIndexedBackends {

    private IdIndexedBackends() {}

    /** The memory backend. */
    static MemoryBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        return new MemoryCollection(this, name, options, cursorRegistry) {
                            @Override
                            protected QueryResult queryDocuments(
                                    Document query,
                                    Document orderBy,
                                    int skip,
                                    int limit,
                                    int batchSize,
                                    Document fields) {
                                return IdIndexedBackends.query(
                                        query,
                                        orderBy,
                                        skip,
                                        limit,
                                        batchSize,
                                        fields,
                                        getIdField(),
                                        super::queryDocuments,
                                        this::matchDocumentsFromStream);
                            }
                        };
                    }
                };
            }
        };
    }

    /**
     * The H2 backend on {@code store}; its collections are the maps mongo-java-server 1.47's {@code H2Database}
     * opens ({@code databases.<db>.<collection>}, {@code meta.<db>.<collection>}), so a file it wrote opens as before.
     * Its unique indexes ({@code <db>.<collection>._index_<name>}) compare their keys with {@link IndexKeyType}.
     */
    static H2Backend h2(MVStore store) {
        return new H2Backend(store, Clock.systemUTC()) {
            @Override
            protected H2Database openOrCreateDatabase(String databaseName) {
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(
                            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                        // the map mongo-java-server opens next, opened first with the key type (an open map is
                        // returned as it is)
                        store.openMap(
                                getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
                        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                    }

                    @Override
                    protected H2Collection openOrCreateCollection(String name, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(name);
                        MVMap<Object, Document> data = store.openMap("databases." + namespace);
                        MVMap<String, Object> meta = store.openMap("meta." + namespace);
                        return new H2Collection(this, name, options, data, meta, cursorRegistry) {
                            @Override
                            protected QueryResult queryDocuments(
                                    Document query,
                                    Document orderBy,
                                    int skip,
                                    int limit,
                                    int batchSize,
                                    Document fields) {
                                return IdIndexedBackends.query(
                                        query,
                                        orderBy,
                                        skip,
                                        limit,
                                        batchSize,
                                        fields,
                                        getIdField(),
                                        super::queryDocuments,
                                        this::matchDocumentsFromStream);
                            }
                        };
                    }
                };
            }
        };
    }

    /**
     * {@code query}'s documents: when it has an {@code _id} condition beside others, those {@code scan} finds for the
     * {@code _id} condition alone, matched against the whole query by {@code match}; else {@code scan}'s answer.
     */
    static QueryResult query(
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fields,
            String idField,
            Scan scan,
            Match match) {
        if (query.size() < 2 || !query.containsKey(idField)) {
            return scan.run(query, orderBy, skip, limit, batchSize, fields);
        }
        QueryResult byId = scan.run(new Document(idField, query.get(idField)), null, 0, 0, 0, null);
        return match.run(byId.collectDocuments().stream(), query, orderBy, skip, limit, batchSize, fields);
    }

    /** A collection's own query ({@code AbstractMongoCollection.queryDocuments}). */
    interface Scan {
        QueryResult run(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields);
    }

    /** A collection's matching of given documents ({@code AbstractMongoCollection.matchDocumentsFromStream}). */
    interface Match {
        QueryResult run(
                Stream<Document> documents,
                Document query,
                Document orderBy,
                int skip,
                int limit,
                int batchSize,
                Document fields);
    }
}
