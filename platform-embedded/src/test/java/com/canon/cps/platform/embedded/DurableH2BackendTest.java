package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurableH2Backend} commits exactly once per write command, however large: MVStore on a file would otherwise
 * commit in the middle of a write whose unsaved changes pass its auto-commit buffer (up to 19 MB by default), a commit
 * that holds half an operation and is not fsynced.
 */
class DurableH2BackendTest {

    @TempDir
    Path tempDir;

    @Test
    void oneWriteCommandIsOneCommit_evenWhenItIsLargerThanMvStoresAutoCommitBuffer() {
        Path file = tempDir.resolve("read-models.mv");
        DurableH2Backend backend = DurableH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        AtomicInteger inserts = new AtomicInteger();
        try {
            server.bind(Ports.LOOPBACK, 0);
            String payload = "x".repeat(4_000);
            List<Document> documents = IntStream.range(0, 12_000)
                    .mapToObj(i -> new Document("_id", "doc-" + i).append("payload", payload))
                    .toList(); // 48 MB: the driver sends it as a dozen insert commands
            try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://" + Ports.LOOPBACK + ":"
                            + server.getLocalAddress().getPort()))
                    .addCommandListener(new CommandListener() {
                        @Override
                        public void commandStarted(CommandStartedEvent event) {
                            if (event.getCommandName().equals("insert")) {
                                inserts.incrementAndGet();
                            }
                        }
                    })
                    .build())) {
                var collection = client.getDatabase("documents").getCollection("upload");
                collection.insertOne(new Document("_id", "first")); // creates the collection and its index
                long before = backend.version();
                int insertsBefore = inserts.get();

                collection.insertMany(documents);

                assertThat(backend.version() - before)
                        .as("commits for %d insert commands", inserts.get() - insertsBefore)
                        .isEqualTo(inserts.get() - insertsBefore);
            }
        } finally {
            server.shutdownNow();
        }

        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("documents").getCollection("upload").countDocuments())
                    .isEqualTo(12_001);
        }
    }
}
