package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's JVM dies by {@code kill -9} while the infrastructure runs. The PostgreSQL postmaster survives it as
 * an orphan holding the data directory; Kafka's log was not closed; the SMTP server had acknowledged a message; the
 * Mongo substitute was in the middle of a stream of writes from several clients. The next start on the same data
 * directory must stop the orphan and come back with all data: every write that any server acknowledged.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

    @TempDir
    Path dataDir;

    private Process child;
    private OptionalLong orphanPid = OptionalLong.empty();

    @Test
    void infrastructureComesBackAfterTheJvmWasKilled() throws Exception {
        String[] ready = startChild().get(120, TimeUnit.SECONDS).split(" ");
        int postgresPort = Integer.parseInt(ready[1]);
        String bootstrapServers = ready[2];
        int smtpPort = Integer.parseInt(ready[3]);
        int mongoPort = Integer.parseInt(ready[4]);

        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE journey (id text PRIMARY KEY)");
            statement.execute("INSERT INTO journey VALUES ('before-the-crash')");
        }
        TestClients.produce(bootstrapServers, "cps.account.events", "account-7", "AccountOpened");
        TestClients.sendMail(
                smtpPort, "donotreply@cps.example", List.of("member@example.de"), List.of(), "Konto", "ok");

        MongoWriters writers = MongoWriters.start("mongodb://127.0.0.1:" + mongoPort, 4);
        writers.awaitAcknowledged(2_000);

        child.destroyForcibly(); // SIGKILL in the middle of the writes: no shutdown hooks run
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> acknowledged = writers.stop();
        Path pgData = dataDir.resolve("postgres");
        orphanPid = OrphanedPostmaster.readPid(pgData.resolve(OrphanedPostmaster.PID_FILE));
        assertThat(orphanPid).isPresent();
        assertThat(ProcessHandle.of(orphanPid.getAsLong()).map(ProcessHandle::isAlive))
                .as("the postmaster outlived its JVM")
                .contains(true);

        EmbeddedInfrastructure.Settings settings =
                new EmbeddedInfrastructure.Settings(dataDir, postgresPort, 0, 0, 0, false, true, 2);
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings)) {
            assertThat(ProcessHandle.of(orphanPid.getAsLong()).map(ProcessHandle::isAlive))
                    .as("the orphan was stopped")
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(infrastructure.postgres().port()).isEqualTo(postgresPort);
            try (Connection connection = infrastructure.postgres().connect("postgres");
                    Statement statement = connection.createStatement()) {
                assertThat(EmbeddedPostgresServerTest.single(statement, "SELECT id FROM journey"))
                        .isEqualTo("before-the-crash");
            }
            List<ConsumerRecord<String, String>> records =
                    TestClients.readFromBeginning(infrastructure.kafka().bootstrapServers(), "cps.account.events", 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("AccountOpened");
            assertThat(infrastructure.smtp().mailTo("member@example.de"))
                    .extracting(CapturedMail::subject)
                    .containsExactly("Konto");
            Map<String, Long> stored = MongoWriters.read(infrastructure.mongo().connectionString());
            acknowledged.forEach((id, counter) -> assertThat(stored.get(id))
                    .as("document %s was acknowledged at %d", id, counter)
                    .isNotNull()
                    .isGreaterThanOrEqualTo(counter));
            log.info(
                    "{} Mongo documents acknowledged before the kill, all {} there after it",
                    acknowledged.size(),
                    acknowledged.size());
        }
    }

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.destroyForcibly();
        }
        // if the test failed half-way, do not leave a postmaster behind
        orphanPid.stream().mapToObj(ProcessHandle::of).forEach(handle -> handle.ifPresent(ProcessHandle::destroy));
    }

    /** Starts {@link InfrastructureProcess} in a child JVM; completes with its READY line. */
    private CompletableFuture<String> startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        child = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        InfrastructureProcess.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) { // keep draining so the child never blocks
                            if (line.startsWith(InfrastructureProcess.READY)) {
                                ready.complete(line);
                            } else {
                                log.info("[child] {}", line);
                            }
                        }
                    } catch (Exception e) {
                        ready.completeExceptionally(e);
                    }
                    ready.completeExceptionally(new IllegalStateException("child JVM ended before it was ready"));
                },
                "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }
}
