package com.canon.cps.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka 4.1 broker in KRaft combined mode (broker and controller in one node, node.id 1), running in
 * this JVM through {@link KafkaRaftServer}, the class {@code kafka-server-start.sh} runs.
 *
 * <p>Why not spring-kafka-test's embedded broker: the local launcher needs a broker whose log survives restarts, and
 * one that comes back after the JVM was killed. With a non-null data directory the storage is formatted only once
 * (when {@code meta.properties} is absent); later starts, clean or after {@code kill -9}, recover from the existing
 * log. The quorum is static ({@code controller.quorum.voters}), so the controller port may change between starts.
 *
 * <p>Single-node settings: replication factors and min ISR of the internal topics are 1, topics are auto-created
 * with {@code num.partitions = defaultPartitions}, consumer groups rebalance without the initial delay.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Partitions of __consumer_offsets and __transaction_state: one broker needs no 50-way spread. */
    private static final int INTERNAL_TOPIC_PARTITIONS = 5;
    /** The log cleaner (needed for compacted topics) would otherwise allocate a 128 MB dedupe buffer on the heap. */
    private static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final boolean temporary;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port, Path logDir, boolean temporary) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.temporary = temporary;
    }

    /**
     * Starts the broker and returns once it is registered and unfenced (ready for clients).
     *
     * @param dataDir the log directory (data and metadata), kept across restarts; {@code null} = a temp directory
     *     deleted on close
     * @param port the client (PLAINTEXT) port, 0 = a random free port (chosen before start, so it can be advertised)
     * @param defaultPartitions partitions of auto-created topics
     */
    public static EmbeddedKafkaServer start(Path dataDir, int port, int defaultPartitions) {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be >= 1: " + defaultPartitions);
        }
        long started = System.nanoTime();
        boolean temporary = dataDir == null;
        Path logDir = temporary ? Directories.temp("embedded-kafka") : Directories.create(dataDir.toAbsolutePath());
        int brokerPort = Ports.resolve(port);
        int controllerPort = freePortOtherThan(brokerPort);
        KafkaRaftServer server = null;
        try {
            KafkaConfig config =
                    new KafkaConfig(properties(logDir, brokerPort, controllerPort, defaultPartitions), false);
            boolean formatted = formatIfNeeded(logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            log.info(
                    "Kafka broker started on {}:{} (controller {}) in {} ms ({} log {})",
                    Ports.LOOPBACK,
                    brokerPort,
                    controllerPort,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    formatted ? "new" : "existing",
                    temporary ? "temporary" : logDir);
            return new EmbeddedKafkaServer(server, brokerPort, logDir, temporary);
        } catch (RuntimeException e) {
            if (server != null) {
                shutdown(server);
            }
            if (temporary) {
                Directories.deleteQuietly(logDir);
            }
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>} */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's log directory (a temp directory when started without one). */
    public Path logDir() {
        return logDir;
    }

    /** Clean shutdown (controlled shutdown of the broker, then the controller); a temp log directory is deleted. */
    @Override
    public void close() {
        long started = System.nanoTime();
        shutdown(server);
        if (temporary) {
            Directories.deleteQuietly(logDir);
        }
        log.info(
                "Kafka broker on port {} stopped in {} ms",
                port,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, Object> properties(Path logDir, int brokerPort, int controllerPort, int partitions) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        props.put(
                "listeners",
                BROKER_LISTENER + "://" + Ports.LOOPBACK + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
                        + Ports.LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + Ports.LOOPBACK + ":" + brokerPort);
        props.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());

        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", String.valueOf(partitions));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // After kill -9 the old broker incarnation stays registered until its session expires (default 9 s), and
        // the restarted broker is refused (DUPLICATE_BROKER_REGISTRATION) until then. One in-process node can use
        // a short session: its heartbeats never cross a network.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2000");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(CLEANER_DEDUPE_BUFFER_BYTES));
        return props;
    }

    /** Formats the log directory (what {@code kafka-storage.sh format} does) unless it already holds a node. */
    private static boolean formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir, e);
        }
        log.info(
                "Formatted Kafka storage: {}",
                output.toString(StandardCharsets.UTF_8).trim());
        return true;
    }

    private static int freePortOtherThan(int port) {
        int candidate = Ports.free();
        while (candidate == port) {
            candidate = Ports.free();
        }
        return candidate;
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaServer[" + bootstrapServers() + "]";
    }
}
