package com.canon.cps.faults;

import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform under test, each part restartable alone: PostgreSQL (embedded, in this JVM's care; its data
 * directory survives), the Kafka broker and the Mongo substitute each in a child JVM (fixed port, data kept across
 * restarts), and the platform itself (all seven services, the entry point and its own SMTP catcher whose spool
 * survives restarts) in a child JVM started with {@code --postgres/--kafka/--mongo} pointing at them.
 *
 * <p>The Mongo substitute runs with its H2 file backend and is restarted with SIGTERM, so it closes its file cleanly:
 * the read models survive the restart, and what the check then tests is that the projection processors neither skip
 * nor double-apply the events they could not write while it was down. (With the memory backend a restart empties
 * every read model, and the check would only test the rebuild, which the projection check runs anyway.)
 */
final class Cluster implements AutoCloseable {

    private final FaultSettings settings;
    private final Path dataDir;
    private final EmbeddedPostgresServer postgres;
    final ChildJvm kafka;
    final ChildJvm mongo;
    final ChildJvm platform;
    final int kafkaPort;
    final int mongoPort;

    Cluster(FaultSettings settings) {
        this.settings = settings;
        Path work = settings.workDir();
        wipe(work); // a rerun with the same seed starts from nothing, like the first
        this.dataDir = work.resolve("platform");
        Path logs = work.resolve("logs");
        this.postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, true);
        this.kafkaPort = freePort();
        this.mongoPort = freePort();
        List<String> infraJvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true");
        this.kafka = new ChildJvm(
                "kafka",
                logs,
                infraJvm,
                InfrastructureProcess.class.getName(),
                List.of("kafka", work.resolve("kafka").toString(), String.valueOf(kafkaPort)),
                InfrastructureProcess.READY,
                Duration.ofSeconds(90));
        this.mongo = new ChildJvm(
                "mongo",
                logs,
                infraJvm,
                InfrastructureProcess.class.getName(),
                List.of("mongo", work.resolve("mongo").resolve("read-models.mv").toString(), String.valueOf(mongoPort)),
                InfrastructureProcess.READY,
                Duration.ofSeconds(60));
        List<String> platformJvm = new ArrayList<>(List.of(
                "-Xmx1g",
                "-Daxoniq.update-checker.disabled=true",
                // payment gateway simulator: timeouts and lost answers (the money moved, the answer did not come)
                "-Dcps.billing.payment-gateway.timeout=1s",
                "-Dcps.billing.payment-gateway.simulator.hang=2s",
                "-Dcps.billing.payment-gateway.simulator.timeout-rate=" + settings.paymentTimeoutRate(),
                "-Dcps.billing.payment-gateway.simulator.lost-response-rate=" + settings.paymentLostResponseRate(),
                // VAT registry simulator: transient failures and timeouts; short re-checks so journeys finish in time
                "-Dcps.verification.registry.timeout=1s",
                "-Dcps.verification.registry.simulator.hang=2s",
                "-Dcps.verification.registry.simulator.failure-rate=" + settings.registryFailureRate(),
                "-Dcps.verification.registry.simulator.timeout-rate=" + settings.registryTimeoutRate(),
                "-Dcps.verification.registry.recheck-initial=5s",
                "-Dcps.verification.registry.recheck-max=20s"));
        this.platform = new ChildJvm(
                "platform",
                logs,
                platformJvm,
                "com.canon.cps.local.LocalPlatform",
                List.of(
                        "--data-dir",
                        dataDir.toString(),
                        "--port-offset",
                        String.valueOf(settings.portOffset()),
                        "--postgres",
                        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/",
                        "--postgres-user",
                        postgres.username(),
                        "--postgres-password",
                        postgres.password() == null ? "postgres" : postgres.password(),
                        "--kafka",
                        "127.0.0.1:" + kafkaPort,
                        "--mongo",
                        "mongodb://127.0.0.1:" + mongoPort),
                "Operator login:",
                Duration.ofSeconds(240));
    }

    /** Starts the broker and the Mongo substitute (PostgreSQL is up already), then the platform. */
    Duration start() {
        kafka.start();
        mongo.start();
        return platform.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + settings.entryPointPort();
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl(database),
                postgres.username(),
                postgres.password() == null ? "postgres" : postgres.password());
    }

    String operatorPassword() {
        try {
            return Files.readString(dataDir.resolve("secrets/operator-password"))
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (ChildJvm child : List.of(platform, kafka, mongo)) {
            try {
                child.stop(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                System.err.println("stopping " + child + " failed: " + e);
            }
        }
        postgres.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
