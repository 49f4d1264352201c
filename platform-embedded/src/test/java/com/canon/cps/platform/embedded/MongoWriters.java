package com.canon.cps.platform.embedded;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Clients writing to the Mongo substitute as projections do (single-document upserts with a growing counter, and new
 * documents), each remembering the last write the server acknowledged per document.
 */
final class MongoWriters {

    private final MongoClient client;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private MongoWriters(String uri) {
        this.client = MongoClients.create(uri + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000");
    }

    static MongoWriters start(String uri, int threads) {
        MongoWriters writers = new MongoWriters(uri);
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> writers.write(writer), "mongo-writer-" + t);
            thread.setDaemon(true);
            writers.threads.add(thread);
            thread.start();
        }
        return writers;
    }

    private void write(int writer) {
        MongoCollection<Document> views = client.getDatabase("crash").getCollection("views");
        for (long i = 1; running.get(); i++) {
            String upserted = "w" + writer + "-" + (i % 50); // rewritten again and again
            String inserted = "w" + writer + "-new-" + i; // written once
            try {
                views.updateOne(
                        eq("_id", upserted),
                        Updates.combine(Updates.set("counter", i), Updates.set("payload", "x".repeat(200))),
                        new UpdateOptions().upsert(true));
                acknowledged.put(upserted, i);
                views.insertOne(new Document("_id", inserted).append("counter", i));
                acknowledged.put(inserted, i);
                acks.addAndGet(2);
            } catch (MongoException | IllegalStateException serverGone) {
                return;
            }
        }
    }

    void awaitAcknowledged(long writes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.get() < writes && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Stops the writers (after the server died) and returns, per document, the last acknowledged counter. */
    Map<String, Long> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        client.close();
        return new HashMap<>(acknowledged);
    }

    static Map<String, Long> read(String uri) {
        Map<String, Long> stored = new HashMap<>();
        try (MongoClient reader = MongoClients.create(uri)) {
            for (Document d : reader.getDatabase("crash").getCollection("views").find()) {
                stored.put(d.getString("_id"), ((Number) d.get("counter")).longValue());
            }
        }
        return stored;
    }
}
