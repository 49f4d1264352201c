package com.canon.cps.faults;

import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 *   <li><b>separate</b>, what {@code ./cps-local --separate} runs: the launcher JVM with the embedded servers and the
 *       entry point, and each service and the portal in a JVM of its own (from its own application jar); a fault
 *       kills one service's JVM, which the launcher starts again.
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
        if (settings.shape() != FaultSettings.Shape.APART) {
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
                // the service JVMs of the separate shape: as ./cps-local --separate starts them
                "-Dcps.local.start-timeout-seconds=900",
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
        if (settings.shape() == FaultSettings.Shape.SEPARATE) {
            platformArguments.add("--separate");
        }
        this.platform = new ChildJvm(
                "platform",
                logs,
                platformJvm,
                "com.canon.cps.local.LocalPlatform",
                platformArguments,
                "Operator login:",
                Duration.ofSeconds(settings.shape() == FaultSettings.Shape.SEPARATE ? 900 : 240));
    }

    /** Starts the broker and the Mongo substitute where they run apart (PostgreSQL is up already), then the platform. */
    Duration start() {
        if (kafka != null) {
            kafka.start();
            mongo.start();
        }
        return platform.start();
    }

    /** The JVMs of the separate shape, by name, and their ports (before the offset). */
    static final Map<String, Integer> SERVICE_PORTS = serviceJvms();

    private static Map<String, Integer> serviceJvms() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<String> names =
                List.of("account", "verification", "product", "points", "membership", "billing", "notification");
        for (int i = 0; i < names.size(); i++) {
            ports.put(names.get(i), 8081 + i);
        }
        ports.put("portal", 8088);
        return Map.copyOf(ports);
    }

    /** The process id of one service's JVM (separate shape), as the launcher wrote it. */
    long servicePid(String service) {
        try {
            return Long.parseLong(Files.readString(dataDir.resolve("services").resolve(service + ".pid"))
                    .trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** SIGKILL of one service's JVM (separate shape); returns once it has ended. */
    void killService(String service) {
        long pid = servicePid(service);
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " JVM (pid " + pid + ") is not running"));
        handle.destroyForcibly();
        handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The jar the launcher runs a service from (separate shape): its deployment, {@code <data dir>/jars}. */
    Path deployedJar(String service) {
        String module = (service.equals("portal") ? "portal" : service) + "-service-";
        try (Stream<Path> jars = Files.list(dataDir.resolve("jars"))) {
            return jars.filter(j -> j.getFileName().toString().startsWith(module)
                            && j.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no deployed jar of " + service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A rolling restart of one service to another build (separate shape), as {@code ./cps-local --separate} documents
     * it: {@code build} renamed onto the service's deployed jar (the running JVM keeps the file it opened), then SIGTERM
     * of its JVM (a graceful stop: requests in progress end, consumers leave their groups); the launcher starts the
     * JVM again from the deployed jar, now the new build. Returns once the old JVM has ended.
     */
    void rollOut(String service, Path build) {
        Path deployed = deployedJar(service);
        Path incoming = deployed.resolveSibling("." + deployed.getFileName() + ".incoming");
        try {
            Files.copy(build, incoming, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    incoming,
                    deployed,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not deploy " + build, e);
        }
        long pid = servicePid(service);
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " JVM (pid " + pid + ") is not running"));
        handle.destroy();
        handle.onExit().orTimeout(120, TimeUnit.SECONDS).join();
    }

    /** Whether the service answers its readiness probe (the portal: its health) in a JVM other than {@code oldPid}. */
    boolean serviceBack(String service, long oldPid) {
        long pid = servicePid(service);
        if (pid == oldPid || pid < 0) {
            return false;
        }
        String path = service.equals("portal") ? "/actuator/health" : "/actuator/health/readiness";
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (SERVICE_PORTS.get(service) + settings.portOffset()) + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
        if (settings.shape() == FaultSettings.Shape.SEPARATE) {
            // a launcher that had to be killed leaves its service JVMs behind
            SERVICE_PORTS
                    .keySet()
                    .forEach(service -> ProcessHandle.of(servicePid(service))
                            .filter(h -> h.info()
                                    .commandLine()
                                    .map(c -> c.contains("-exec.jar"))
                                    .orElse(false))
                            .ifPresent(ProcessHandle::destroyForcibly));
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
