package com.canon.cps.platform.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.QuietMachine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-model writer's guarded upsert ({@code ProjectionWriter}: {@code {_id: x, $or: [{_version: {$lt: v}},
 * {_version: {$exists: false}}]}}, upsert) against a collection of {@code benchmark.documents} (10,000) documents,
 * through the MongoDB driver, on mongo-java-server 1.47 as shipped and on the Mongo substitute's backends
 * ({@link IdIndexedBackends}: the {@code _id} narrows the query first), like for like: the same backend kind, the same
 * durability, the same documents, the same writes.
 *
 * <ul>
 *   <li><b>memory</b>: mongo-java-server's memory backend / {@link IdIndexedBackends#memory} (tests, {@code
 *       ./cps-local --data-dir} unset);
 *   <li><b>durable H2 file</b> ({@code ./cps-local}'s shape): {@link DurableH2Backend} (every write committed and
 *       fsynced before its answer) over mongo-java-server's H2 backend / over {@link IdIndexedBackends#h2}.
 * </ul>
 *
 * <p>Each contender writes once to warm up, then all run {@code benchmark.rounds} (5) interleaved rounds of
 * {@code benchmark.writes} (500) upserts to random documents, one client, one at a time as a projection writes
 * ({@code -Dbenchmark.clients=8}: eight writers at once, each its share); the figure is the median. Not part of the
 * build (the name matches neither {@code *Test} nor {@code *IT}):
 *
 * <pre>
 * ./mvnw -B -pl platform-test test -Dtest=GuardedUpsertBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jvm.flags=
 * </pre>
 *
 * ({@code -Dtest.jvm.flags=}: every JIT tier, as in the benchmark modules; the test JVMs of the build use C1 only.)
 */
class GuardedUpsertBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 10_000);
    private static final int WRITES = Integer.getInteger("benchmark.writes", 500);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    /** Writers at once (projections of several services write to one server); each writes its share of the round. */
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 1);
    /** The field the read-model writer guards with ({@code ProjectionWriter.VERSION}). */
    private static final String VERSION = "_version";

    @TempDir
    Path tempDir;

    @Test
    void guardedUpserts() throws Exception {
        QuietMachine quiet = QuietMachine.afterSettling("guarded upsert");
        List<String> table = new ArrayList<>();
        table.add("| backend | mongo-java-server 1.47 as shipped | ours (_id first) | ours / shipped |");
        table.add("|---|---|---|---|");
        table.add(compare(
                "memory",
                new Contender("shipped", new MemoryBackend()),
                new Contender("ours", IdIndexedBackends.memory())));
        table.add(compare(
                "durable H2 file",
                new Contender(
                        "shipped",
                        DurableH2Backend.open(
                                tempDir.resolve("shipped.mv"), store -> new H2Backend(store, Clock.systemUTC()))),
                new Contender("ours", DurableH2Backend.open(tempDir.resolve("ours.mv")))));
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK RESULT guarded upserts (%,d documents, %d rounds of %d writes, %d clients, median writes/s)%n%s%n%s%n"
                        + "load average after the runs %.2f%n",
                DOCUMENTS,
                ROUNDS,
                WRITES,
                CLIENTS,
                String.join("\n", table),
                quiet.line(),
                QuietMachine.read());
    }

    private static String compare(String backend, Contender shipped, Contender ours) throws Exception {
        try (shipped;
                ours) {
            shipped.fill();
            ours.fill();
            shipped.write(1); // warm-up, not counted
            ours.write(1);
            double[] a = new double[ROUNDS];
            double[] b = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                a[round] = shipped.write(round + 2);
                b[round] = ours.write(round + 2);
                System.out.printf(
                        Locale.ROOT,
                        "BENCHMARK %s round %d: shipped %,.0f writes/s, ours %,.0f writes/s%n",
                        backend,
                        round + 1,
                        a[round],
                        b[round]);
            }
            for (Contender contender : List.of(shipped, ours)) {
                assertThat(contender.collection.countDocuments(eq(VERSION, (long) ROUNDS + 1)))
                        .as("every write of %s's last round applied", contender)
                        .isEqualTo(WRITES);
            }
            double plain = median(a);
            double fast = median(b);
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f × |", backend, plain, fast, fast / plain);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One Mongo wire-protocol server on {@code backend}, a client, and the collection written to. */
    private static final class Contender implements AutoCloseable {
        private final String name;
        private final MongoServer server;
        private final MongoClient client;
        private final MongoCollection<Document> collection;

        Contender(String name, MongoBackend backend) {
            this.name = name;
            this.server = new MongoServer(backend);
            server.bind(Ports.LOOPBACK, 0);
            this.client = MongoClients.create("mongodb://" + Ports.LOOPBACK + ":"
                    + server.getLocalAddress().getPort());
            this.collection = client.getDatabase("benchmark").getCollection("cases");
        }

        void fill() {
            List<Document> documents = IntStream.range(0, DOCUMENTS)
                    .mapToObj(i -> new Document("_id", "case-" + i)
                            .append(VERSION, 0L)
                            .append("status", "IN_REVIEW")
                            .append("company", "Lumen Studio " + i)
                            .append("country", "DE"))
                    .toList();
            for (int from = 0; from < documents.size(); from += 1_000) {
                collection.insertMany(documents.subList(from, Math.min(documents.size(), from + 1_000)));
            }
        }

        /** Guarded upserts at {@code version} to {@code benchmark.writes} random documents; writes per second. */
        double write(long version) throws Exception {
            int[] ids = ThreadLocalRandom.current()
                    .ints(0, DOCUMENTS)
                    .distinct()
                    .limit(WRITES)
                    .toArray();
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            ExecutorService writers = Executors.newFixedThreadPool(CLIENTS);
            try {
                long start = System.nanoTime();
                List<Future<?>> shares = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int first = client;
                    shares.add(writers.submit(() -> {
                        for (int i = first; i < ids.length; i += CLIENTS) {
                            collection.updateOne(
                                    guard("case-" + ids[i], version),
                                    Updates.combine(Updates.set("status", "APPROVED"), Updates.set(VERSION, version)),
                                    upsert);
                        }
                    }));
                }
                for (Future<?> share : shares) {
                    share.get();
                }
                return WRITES / ((System.nanoTime() - start) / 1e9);
            } finally {
                writers.shutdown();
            }
        }

        /**
         * The filter as Spring Data renders {@code ProjectionWriter}'s criteria: {@code _id} and {@code $or} side by
         * side (the driver's {@code Filters.and} would send {@code $and: [...]} instead).
         */
        private static Document guard(String id, long version) {
            return new Document("_id", id)
                    .append(
                            "$or",
                            List.of(
                                    new Document(VERSION, new Document("$lt", version)),
                                    new Document(VERSION, new Document("$exists", false))));
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
