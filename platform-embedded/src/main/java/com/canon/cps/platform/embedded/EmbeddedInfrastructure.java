package com.canon.cps.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All four embedded servers as one unit: PostgreSQL, Kafka, the Mongo substitute and SMTP.
 *
 * <p>Why: integration tests and the local launcher both need "the infrastructure" and should not each repeat the
 * start order, the data directory layout and the clean-up on failure. PostgreSQL and Kafka, the slow ones, start
 * concurrently; if anything fails, whatever already started is closed again. {@link #close()} stops the servers in
 * reverse order. With a data directory the layout is {@code postgres/}, {@code kafka/}, {@code mongo/read-models.mv}
 * and {@code mail/} below it.
 *
 * <p>The launcher should close this after the services (not in a shutdown hook of its own that may run first).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /**
     * What to start.
     *
     * @param dataDir root of all persistent state; {@code null} = temp directories and memory only
     * @param postgresPort PostgreSQL port, 0 = random
     * @param kafkaPort Kafka client port, 0 = random
     * @param mongoPort Mongo wire-protocol port, 0 = random
     * @param smtpPort SMTP port, 0 = random
     * @param durablePostgres {@code fsync=on, synchronous_commit=on} instead of zonky's fast, non-durable defaults
     * @param fileBackedMongo keep the Mongo data in an H2 file below {@code dataDir} (ignored without one);
     *     {@code false} = memory backend, read models are rebuilt from the event store
     * @param kafkaPartitions partitions of auto-created topics
     */
    public record Settings(
            Path dataDir,
            int postgresPort,
            int kafkaPort,
            int mongoPort,
            int smtpPort,
            boolean durablePostgres,
            boolean fileBackedMongo,
            int kafkaPartitions) {

        /** Temp directories, random ports, non-durable PostgreSQL, memory Mongo, 4 partitions. */
        public static Settings forTests() {
            return new Settings(null, 0, 0, 0, 0, false, false, 4);
        }

        Path below(String name) {
            return dataDir == null ? null : dataDir.resolve(name);
        }
    }

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedSmtpServer smtp;

    private EmbeddedInfrastructure(
            EmbeddedPostgresServer postgres,
            EmbeddedKafkaServer kafka,
            EmbeddedMongoServer mongo,
            EmbeddedSmtpServer smtp) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.smtp = smtp;
    }

    /** Starts PostgreSQL and Kafka concurrently, then Mongo and SMTP; each step is logged. */
    public static EmbeddedInfrastructure start(Settings settings) {
        long started = System.nanoTime();
        log.info(
                "Starting embedded infrastructure ({})", settings.dataDir() == null ? "temporary" : settings.dataDir());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            CompletableFuture<EmbeddedPostgresServer> postgres = startAsync(
                    "PostgreSQL",
                    () -> EmbeddedPostgresServer.start(
                            settings.below("postgres"), settings.postgresPort(), settings.durablePostgres()));
            CompletableFuture<EmbeddedKafkaServer> kafka = startAsync(
                    "Kafka",
                    () -> EmbeddedKafkaServer.start(
                            settings.below("kafka"), settings.kafkaPort(), settings.kafkaPartitions()));
            EmbeddedPostgresServer postgresServer = join(postgres, kafka, running);
            EmbeddedKafkaServer kafkaServer = join(kafka, postgres, running);

            log.info("Starting Mongo wire-protocol server");
            Path mongoFile = settings.fileBackedMongo() ? settings.below("mongo/read-models.mv") : null;
            EmbeddedMongoServer mongoServer = push(running, EmbeddedMongoServer.start(mongoFile, settings.mongoPort()));

            log.info("Starting SMTP server");
            EmbeddedSmtpServer smtpServer =
                    push(running, EmbeddedSmtpServer.start(settings.below("mail"), settings.smtpPort()));

            log.info(
                    "Embedded infrastructure up in {} ms: postgres {} ({}), kafka {}, mongo {}, smtp port {}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    postgresServer.port(),
                    postgresServer.durability(),
                    kafkaServer.bootstrapServers(),
                    mongoServer.connectionString(),
                    smtpServer.port());
            return new EmbeddedInfrastructure(postgresServer, kafkaServer, mongoServer, smtpServer);
        } catch (RuntimeException e) {
            log.error("Embedded infrastructure failed to start; stopping what did start", e);
            closeAll(running);
            throw e;
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaServer kafka() {
        return kafka;
    }

    public EmbeddedMongoServer mongo() {
        return mongo;
    }

    public EmbeddedSmtpServer smtp() {
        return smtp;
    }

    /** Stops SMTP, Mongo, Kafka, PostgreSQL (reverse start order), continuing past failures. */
    @Override
    public void close() {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        running.push(postgres);
        running.push(kafka);
        running.push(mongo);
        running.push(smtp);
        closeAll(running);
        log.info("Embedded infrastructure stopped");
    }

    private static <T> CompletableFuture<T> startAsync(String name, Supplier<T> start) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    log.info("Starting {}", name);
                    try {
                        future.complete(start.get());
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "embedded-" + name.toLowerCase() + "-start");
        thread.start();
        return future;
    }

    /**
     * Waits for {@code future}; if it failed, waits for {@code other} too and closes it when it succeeded, so a
     * half-started pair never leaks a server.
     */
    private static <T extends AutoCloseable> T join(
            CompletableFuture<T> future,
            CompletableFuture<? extends AutoCloseable> other,
            Deque<AutoCloseable> running) {
        try {
            return push(running, future.join());
        } catch (CompletionException e) {
            try {
                AutoCloseable started = other.join();
                if (!running.contains(started)) {
                    running.push(started);
                }
            } catch (CompletionException ignored) {
                // both failed; the first failure is reported
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> running, T server) {
        running.push(server);
        return server;
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable server = running.pop();
            try {
                log.info("Stopping {}", server);
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop {}", server, e);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedInfrastructure[" + postgres + ", " + kafka + ", " + mongo + ", " + smtp + "]";
    }
}
