package com.canon.cps.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bulk upserts of a rebuild batch leave exactly what the live writer's one-by-one guarded upserts leave, on the Mongo
 * wire-protocol server the platform runs on: coalesced updates, later rounds, re-applied batches after a resume.
 */
class BulkUpsertsTest {

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static ProjectionWriter oneByOne;

    /** An upsert as a handler would issue it. */
    private record Write(String id, long version, Update update) {}

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "bulk");
        oneByOne = new ProjectionWriter(mongo, new Projections(null, mongo, null, java.time.Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void clean() {
        mongo.dropCollection("sequential");
        mongo.dropCollection("bulk");
    }

    @Test
    void coalescedUpdates_endAsSequentialOnes() {
        List<Write> writes = List.of(
                new Write("a", 0, new Update().set("status", "INVITED").set("points", 510)),
                new Write("b", 0, new Update().set("status", "INVITED")),
                new Write("a", 1, new Update().set("points", 600)),
                new Write("a", 2, new Update().set("status", "ACTIVE").set("tier", "SILVER")),
                new Write("b", 1, new Update().set("note", "x")),
                new Write("b", 2, new Update().unset("note").set("status", "EXPIRED")),
                new Write("a", 3, new Update().set("tier", "GOLD")));

        assertThat(bulk(writes, 1)).isEqualTo(sequential(writes));
        assertThat(documents("bulk").get("a"))
                .containsEntry("status", "ACTIVE")
                .containsEntry("points", 600)
                .containsEntry("tier", "GOLD")
                .containsEntry(ProjectionWriter.VERSION, 3L);
        assertThat(documents("bulk").get("b")).doesNotContainKey("note").containsEntry("status", "EXPIRED");
    }

    @Test
    void overlappingPathsAndOtherOperators_runInLaterRounds_inOrder() {
        List<Write> writes = List.of(
                new Write("a", 0, new Update().set("check", new Document("status", "OPEN"))),
                new Write("a", 1, new Update().set("check.status", "VALID")),
                new Write("a", 2, new Update().inc("count", 1)),
                new Write("a", 3, new Update().set("check", new Document("status", "INVALID").append("by", "x"))),
                new Write("b", 0, new Update().set("check", new Document("status", "OPEN"))));

        BulkUpserts batch = new BulkUpserts();
        writes.forEach(w -> batch.add("bulk", w.id(), w.version(), w.update()));
        assertThat(batch.flush(mongo)).as("write operations").isEqualTo(5);
        assertThat(documents("bulk")).isEqualTo(sequential(writes));
    }

    @Test
    void reappliedBatch_changesNothing() {
        List<Write> writes = List.of(
                new Write("a", 0, new Update().set("status", "INVITED")),
                new Write("a", 1, new Update().set("status", "ACTIVE")),
                new Write("c", 4, new Update().set("status", "EXPIRED")));
        Map<String, Document> once = bulk(writes, 1);
        assertThat(bulk(writes, 1)).isEqualTo(once);
        // a crash after part of a batch: applying the part again, then the whole batch, ends the same
        mongo.dropCollection("bulk");
        bulk(writes.subList(0, 2), 1);
        assertThat(bulk(writes, 1)).isEqualTo(once);
    }

    @Test
    void resumedFromAnEarlierPosition_withOtherBatchBoundaries_endsInTheSameState() {
        List<Write> writes = new ArrayList<>();
        for (int version = 0; version < 6; version++) {
            for (int doc = 0; doc < 50; doc++) {
                writes.add(new Write("d" + doc, version, new Update().set("s" + (version % 2), version)));
            }
        }
        Map<String, Document> expected = sequential(writes);
        bulk(writes, 3);
        // the crash came after the second batch was written but before its position was stored
        assertThat(bulk(writes.subList(100, writes.size()), 7)).isEqualTo(expected);
    }

    @Test
    void otherOperators_keepTheVersionGuard() {
        mongo.insert(new Document("_id", "a").append("count", 5).append(ProjectionWriter.VERSION, 9L), "bulk");
        Map<String, Document> after = bulk(
                List.of(
                        new Write("a", 3, new Update().inc("count", 1)),
                        new Write("z", 1, new Update().inc("count", 1))),
                1);
        assertThat(after.get("a")).containsEntry("count", 5).containsEntry(ProjectionWriter.VERSION, 9L);
        assertThat(after.get("z")).containsEntry("count", 1);
    }

    @Test
    void manyDocumentsInManyBatches_endAsSequentialWrites() {
        List<Write> writes = new ArrayList<>();
        for (int version = 0; version < 5; version++) {
            for (int doc = 0; doc < 300; doc++) {
                writes.add(new Write(
                        "d" + doc,
                        version,
                        new Update().set("v" + (version % 3), version).set("last", doc * 10 + version)));
            }
        }
        assertThat(bulk(writes, 7)).isEqualTo(sequential(writes));
    }

    private Map<String, Document> sequential(List<Write> writes) {
        // through the live writer, into a collection no projection owns (so the name is used as it is)
        writes.forEach(w -> oneByOne.upsert("sequential", w.id(), w.version(), copy(w.update())));
        return documents("sequential");
    }

    private Map<String, Document> bulk(List<Write> writes, int batches) {
        BulkUpserts batch = new BulkUpserts();
        int perBatch = (writes.size() + batches - 1) / batches;
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            batch.add("bulk", w.id(), w.version(), copy(w.update()));
            if ((i + 1) % perBatch == 0) {
                batch.flush(mongo);
            }
        }
        batch.flush(mongo);
        return documents("bulk");
    }

    private static Update copy(Update update) {
        return Update.fromDocument(Document.parse(update.getUpdateObject().toJson()));
    }

    private static Map<String, Document> documents(String collection) {
        Map<String, Document> byId = new TreeMap<>();
        mongo.findAll(Document.class, collection).forEach(d -> byId.put(d.getString("_id"), d));
        return byId;
    }
}
