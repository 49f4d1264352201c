package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path tempDir;

    @Test
    void startsEnsuresDatabasesAndAcceptsJdbcConnections() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0, false)) {
            assertThat(server.port()).isPositive();
            assertThat(server.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/orders");
            assertThat(server.durability()).contains("fsync=off", "synchronous_commit=off");

            server.ensureDatabase("orders");
            server.ensureDatabase("orders");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> sameDatabase = IntStream.range(0, 4)
                        .<Callable<Void>>mapToObj(i -> () -> {
                            server.ensureDatabase("account_service");
                            return null;
                        })
                        .toList();
                for (Future<Void> result : pool.invokeAll(sameDatabase)) {
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }

            try (Connection connection = DriverManager.getConnection(
                            server.jdbcUrl("orders"), server.username(), server.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE item (id int PRIMARY KEY, name text)");
                statement.execute("INSERT INTO item VALUES (1, 'camera')");
                assertThat(single(statement, "SELECT name FROM item WHERE id = 1"))
                        .isEqualTo("camera");
                assertThat(single(statement, "SELECT count(*) FROM pg_database WHERE datname = 'account_service'"))
                        .isEqualTo("1");
                assertThat(single(statement, "SHOW server_version")).startsWith("17.");
            }
        }
    }

    @Test
    void durableServerKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            assertThat(server.durability()).isEqualTo("fsync=on, synchronous_commit=on, full_page_writes=on");
            server.ensureDatabase("ledger");
            execute(server, "ledger", "CREATE TABLE entry (points int)", "INSERT INTO entry VALUES (500)");
        }
        assertThat(dataDir.resolve(OrphanedPostmaster.PID_FILE)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            try (Connection connection = server.connect("ledger");
                    Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT points FROM entry")).isEqualTo("500");
            }
        }
    }

    @Test
    void aTakenFixedPortFailsAtOnceNamingThePort() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = other.getLocalPort();

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(tempDir.resolve("pg"), taken, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken + " is already in use"); // not a start-up timeout
        }
    }

    @Test
    void stalePidFilesAreRemovedBeforeStart() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        EmbeddedPostgresServer.start(dataDir, 0, false).close();
        Path pidFile = dataDir.resolve(OrphanedPostmaster.PID_FILE);

        // a PID whose process has exited
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Files.writeString(pidFile, exited.pid() + "\n" + dataDir + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThat(server.durability()).contains("fsync=off");
        }

        // a PID that was reused by a live process that is not PostgreSQL (this JVM): PostgreSQL itself would refuse
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThat(server.port()).isPositive();
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    static void execute(EmbeddedPostgresServer server, String database, String... sql) throws Exception {
        try (Connection connection = server.connect(database);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    static String single(Statement statement, String query) throws Exception {
        try (ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as("a row for %s", query).isTrue();
            return rows.getString(1);
        }
    }
}
