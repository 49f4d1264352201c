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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform under test, in one of two shapes ({@link FaultSettings.Shape}):
 *
 * <ul>
 *   <li><b>local</b>, what {@code ./cps-local} runs: one JVM with the seven services, the entry point and every
 *       embedded server inside (PostgreSQL as its child process, Kafka, the Mongo substitute with its H2 file, SMTP).
 *       A kill takes all of it down at once, unflushed buffers included.
 *   <li><b>apart</b>: PostgreSQL (embedded, in this JVM's care), the Kafka broker and the Mongo substitute each in a
 *       child JVM of its own (fixed port, data kept across restarts), and the platform in another child JVM started
 *       with {@code --postgres/--kafka/--mongo}; each part can be stopped or killed alone.
 * </ul>
 */
final class Cluster implements AutoCloseable {

    private final FaultSettings settings;
    private final Path dataDir;
    private final EmbeddedPostgresServer postgres;
    final ChildJvm kafka;
    final ChildJvm mongo;
    final ChildJvm platform;
    private final int postgresPort;
    private final int kafkaPort;
    private final int mongoPort;

    Cluster(FaultSettings settings) {
        this.settings = settings;
        Path work = settings.workDir();
        wipe(work); // a rerun with the same seed starts from nothing, like the first
        this.dataDir = work.resolve("platform");
        Path logs = work.resolve("logs");
        List<String> platformArguments =
                new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--port-offset", "" + settings.portOffset()));
        if (settings.shape() == FaultSettings.Shape.LOCAL) {
            this.postgres = null;
            this.kafka = null;
            this.mongo = null;
            this.postgresPort = 15432 + settings.portOffset();
            this.kafkaPort = 19092 + settings.portOffset();
            this.mongoPort = 37017 + settings.portOffset();
        } else {
            this.postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, true);
            this.postgresPort = postgres.port();
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
                    List.of(
                            "mongo",
                            work.resolve("mongo").resolve("read-models.mv").toString(),
                            String.valueOf(mongoPort)),
                    InfrastructureProcess.READY,
                    Duration.ofSeconds(60));
            platformArguments.addAll(List.of(
                    "--postgres",
                    "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/",
                    "--postgres-user",
                    postgres.username(),
                    "--postgres-password",
                    postgres.password(),
                    "--kafka",
                    kafkaBootstrap(),
                    "--mongo",
                    mongoUri()));
        }
        List<String> platformJvm = new ArrayList<>(List.of(
                // as ./cps-local runs it when everything is embedded; less is needed when the servers run apart
                settings.shape() == FaultSettings.Shape.LOCAL ? "-Xmx1536m" : "-Xmx1g",
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
                platformArguments,
                "Operator login:",
                Duration.ofSeconds(240));
    }

    /** Starts the broker and the Mongo substitute where they run apart (PostgreSQL is up already), then the platform. */
    Duration start() {
        if (kafka != null) {
            kafka.start();
            mongo.start();
        }
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
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database, "postgres", "postgres");
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
        for (ChildJvm child : Arrays.asList(platform, kafka, mongo)) {
            try {
                if (child != null) {
                    child.stop(Duration.ofSeconds(60));
                }
            } catch (RuntimeException e) {
                System.err.println("stopping " + child + " failed: " + e);
            }
        }
        if (postgres != null) {
            postgres.close();
        } else {
            // a platform that had to be killed at the end leaves its PostgreSQL child behind
            EmbeddedPostgresServer.stopOrphan(dataDir.resolve("postgres"));
        }
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
