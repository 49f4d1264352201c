package com.canon.cps.platform.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query with an {@code _id} beside other conditions is narrowed through the {@code _id} first and answers exactly
 * as before, on both backends: the read-model writer's guarded upsert (applied, skipped, or a duplicate key when the
 * document is newer, as MongoDB answers), {@code $in} on {@code _id}, sorting and projection.
 */
class IdIndexedBackendsTest {

    @TempDir
    Path tempDir;

    /** {@code ProjectionWriter}'s filter as Spring Data renders it: {@code _id} and {@code $or} side by side. */
    private static Bson guard(String id, long version) {
        return new Document("_id", id)
                .append(
                        "$or",
                        List.of(
                                new Document("_version", new Document("$lt", version)),
                                new Document("_version", new Document("$exists", false))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aGuardedUpsertAppliesANewerVersion_skipsAnOlderOne_andInsertsAMissingDocument(String backend) {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(backend.equals("h2") ? file() : null, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("verification").getCollection("cases");
            for (int i = 0; i < 50; i++) {
                cases.insertOne(
                        new Document("_id", "c-" + i).append("_version", 3L).append("status", "OPEN"));
            }
            UpdateOptions upsert = new UpdateOptions().upsert(true);

            assertThat(cases.updateOne(guard("c-7", 4), Updates.combine(set("APPROVED", 4)), upsert)
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThatThrownBy(() -> cases.updateOne(guard("c-7", 2), set("REJECTED", 2), upsert))
                    .as("an older version collides on _id, as in MongoDB")
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(cases.updateOne(guard("c-8", 3), set("REJECTED", 3)).getMatchedCount())
                    .as("the same version changes nothing")
                    .isZero();
            cases.updateOne(guard("c-new", 1), set("OPEN", 1), upsert);

            assertThat(cases.find(eq("_id", "c-7")).first())
                    .containsEntry("status", "APPROVED")
                    .containsEntry("_version", 4L);
            assertThat(cases.find(eq("_id", "c-8")).first()).containsEntry("status", "OPEN");
            assertThat(cases.find(eq("_id", "c-new")).first()).containsEntry("_version", 1L);
            assertThat(cases.countDocuments()).isEqualTo(51);
        }
    }

    private static Bson set(String status, long version) {
        return Updates.combine(Updates.set("status", status), Updates.set("_version", version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void anIdConditionBesideOthers_findsWhatTheWholeQuerySelects_sortedAndProjected(String backend) {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(backend.equals("h2") ? file() : null, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase("accounts").getCollection("account");
            for (int i = 0; i < 10; i++) {
                accounts.insertOne(
                        new Document("_id", "a-" + i).append("n", i).append("status", i % 2 == 0 ? "OPEN" : "CLOSED"));
            }

            List<Document> found = accounts.find(
                            new Document("_id", new Document("$in", List.of("a-1", "a-2", "a-4", "a-9")))
                                    .append("status", "OPEN"))
                    .sort(Sorts.descending("n"))
                    .projection(new Document("n", 1))
                    .into(new ArrayList<>());

            assertThat(found)
                    .containsExactly(
                            new Document("_id", "a-4").append("n", 4), new Document("_id", "a-2").append("n", 2));
            assertThat(accounts.countDocuments(new Document("_id", "a-3").append("status", "OPEN")))
                    .isZero();
            assertThat(accounts.deleteMany(new Document("_id", "a-3").append("status", "CLOSED"))
                            .getDeletedCount())
                    .isEqualTo(1);
            assertThat(accounts.countDocuments()).isEqualTo(9);
        }
    }

    @Test
    void theCollectionsOwnScanSeesTheIdConditionAlone() {
        List<de.bwaldvogel.mongo.bson.Document> scanned = new ArrayList<>();
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("_id", "c-7")
                .append("$or", List.of(new de.bwaldvogel.mongo.bson.Document("_version", 1)));

        IdIndexedBackends.query(
                query,
                null,
                0,
                0,
                0,
                null,
                "_id",
                (q, orderBy, skip, limit, batchSize, fields) -> {
                    scanned.add(q);
                    return new QueryResult();
                },
                (documents, q, orderBy, skip, limit, batchSize, fields) -> new QueryResult());
        IdIndexedBackends.query(
                new de.bwaldvogel.mongo.bson.Document("status", "OPEN"),
                null,
                0,
                0,
                0,
                null,
                "_id",
                (q, orderBy, skip, limit, batchSize, fields) -> {
                    scanned.add(q);
                    return new QueryResult();
                },
                (documents, q, orderBy, skip, limit, batchSize, fields) -> new QueryResult());

        assertThat(scanned)
                .containsExactly(
                        new de.bwaldvogel.mongo.bson.Document("_id", "c-7"),
                        new de.bwaldvogel.mongo.bson.Document("status", "OPEN"));
    }

    @Test
    void theH2BackendsIdIndexComparesItsKeysWithTheIndexKeyType() {
        MVStore store = MVStore.open(tempDir.resolve("keys.mv").toString());
        MongoServer server = new MongoServer(IdIndexedBackends.h2(store));
        try {
            server.bind(Ports.LOOPBACK, 0);
            try (MongoClient client = MongoClients.create("mongodb://" + Ports.LOOPBACK + ":"
                    + server.getLocalAddress().getPort())) {
                client.getDatabase("documents").getCollection("upload").insertOne(new Document("_id", "d-1"));
            }
            assertThat(store.openMap("documents.upload._index__id_").getKeyType())
                    .isInstanceOf(IndexKeyType.class);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aFileWrittenByMongoJavaServersOwnH2BackendOpens_andOpensThereAgainAfterOurWrites() {
        Path file = tempDir.resolve("written-by-mongo-java-server.mv");
        withShipped(file, uploads -> {
            for (int i = 0; i < 300; i++) {
                uploads.insertOne(new Document("_id", "d-" + i).append("type", "application/pdf"));
            }
        });

        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> uploads = client.getDatabase("documents").getCollection("upload");
            for (int i = 0; i < 300; i++) {
                assertThat(uploads.find(new Document("_id", "d-" + i).append("type", "application/pdf"))
                                .first())
                        .as("d-%d through the _id index the shipped backend wrote", i)
                        .isNotNull();
            }
            for (int i = 300; i < 600; i++) {
                uploads.insertOne(new Document("_id", "d-" + i));
            }
            assertThatThrownBy(() -> uploads.insertOne(new Document("_id", "d-1")))
                    .as("the _id index came along")
                    .isInstanceOf(MongoWriteException.class);
        }

        // the index keys ours added are where the shipped backend's own order looks for them
        withShipped(file, uploads -> {
            for (int i = 0; i < 600; i++) {
                assertThat(uploads.find(new Document("_id", "d-" + i)).first())
                        .as("d-%d", i)
                        .isNotNull();
            }
            assertThatThrownBy(() -> uploads.insertOne(new Document("_id", "d-450")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    private static void withShipped(Path file, java.util.function.Consumer<MongoCollection<Document>> work) {
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try {
            plain.bind(Ports.LOOPBACK, 0);
            try (MongoClient client = MongoClients.create("mongodb://" + Ports.LOOPBACK + ":"
                    + plain.getLocalAddress().getPort())) {
                work.accept(client.getDatabase("documents").getCollection("upload"));
            }
        } finally {
            plain.shutdownNow();
        }
    }

    private Path file() {
        return tempDir.resolve("mongo/read-models.mv");
    }
}
