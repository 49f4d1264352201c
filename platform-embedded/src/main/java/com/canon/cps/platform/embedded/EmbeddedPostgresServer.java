package com.canon.cps.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky's binaries from Maven, run as a child process) on a loopback port.
 *
 * <p>Why it exists: every service keeps its event store, tokens and dead letters in PostgreSQL; tests and the local
 * launcher need the real database without Docker. Two concerns go beyond zonky's defaults:
 *
 * <ul>
 *   <li><b>Durability is a choice that is reported.</b> zonky runs with {@code fsync=off} and
 *       {@code synchronous_commit=off}: right for tests, wrong for a local platform whose data should survive a
 *       power cut. {@code durable=true} turns both on; {@link #durability()} says what the server really runs with
 *       (read back from the server, not assumed).
 *   <li><b>Crash safety.</b> The postmaster outlives a {@code kill -9} of the JVM. {@link #start} detects such an
 *       orphan on the data directory and stops it before starting (see {@link OrphanedPostmaster}).
 * </ul>
 *
 * <p>Authentication is {@code trust} on loopback; the superuser is {@code postgres}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");
    /** Advisory lock key serialising CREATE DATABASE across threads and processes ("cps-db" in ASCII). */
    private static final long ENSURE_DATABASE_LOCK = 0x6370_732d_6462L;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String durability;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.durability = readDurability();
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDir the data directory, kept across restarts; {@code null} = a throwaway temp directory, deleted on
     *     close (tests)
     * @param port the port, 0 = a random free port
     * @param durable {@code true} = {@code fsync=on, synchronous_commit=on}; {@code false} = zonky's fast defaults
     *     ({@code fsync=off, synchronous_commit=off})
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        return start(dataDir, port, durable, false);
    }

    /**
     * As {@link #start(Path, int, boolean)}; with {@code ownerStops}, the caller stops the server itself (its own
     * shutdown hook closes it after what uses it): zonky's shutdown hook, which stops PostgreSQL at once when the JVM
     * is asked to stop, in parallel with every other hook, is not registered. With it, {@code ./cps-local} lost its
     * database in the first second of a Ctrl-C while its services were still stopping, and their stop then waited for
     * connections that could not come.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable, boolean ownerStops) {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(Ports.resolve(port))
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(!ownerStops);
        Path absoluteDataDir = null;
        if (dataDir != null) {
            absoluteDataDir = Directories.create(dataDir.toAbsolutePath());
            OrphanedPostmaster.clear(absoluteDataDir);
            builder.setDataDirectory(absoluteDataDir).setCleanDataDirectory(false);
        }
        Ports.requireFree(port, "PostgreSQL"); // after the orphan on our own data directory let its port go
        if (durable) {
            // zonky always passes -F (fsync off) first; these -c settings come later on the command line and win.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
        try {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, absoluteDataDir);
            log.info(
                    "PostgreSQL started on port {} in {} ms ({}; data {})",
                    server.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    server.durability(),
                    absoluteDataDir == null ? "temporary" : absoluteDataDir);
            return server;
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop PostgreSQL after a failed start: {}", e.toString());
        }
    }

    /**
     * Stops a PostgreSQL server that a killed process left running on {@code dataDir}, if any; call it before
     * deleting a data directory.
     */
    public static void stopOrphan(Path dataDir) {
        if (Files.isDirectory(dataDir)) {
            OrphanedPostmaster.clear(dataDir.toAbsolutePath());
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    /** Any password works (trust authentication); this one is handed out so clients that insist on one are happy. */
    public String password() {
        return SUPERUSER;
    }

    /** The data directory, or {@code null} for a temporary server. */
    public Path dataDir() {
        return dataDir;
    }

    /** What the server actually runs with, e.g. {@code "fsync=on, synchronous_commit=on, full_page_writes=on"}. */
    public String durability() {
        return durability;
    }

    /**
     * Creates {@code database} unless it exists. Idempotent and safe to call concurrently, from several threads or
     * processes: creation is serialised with a PostgreSQL advisory lock.
     */
    public void ensureDatabase(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a supported database name: " + database);
        }
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + ENSURE_DATABASE_LOCK + ")");
            try {
                if (!exists(connection, database)) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                    log.info("Created database {}", database);
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + ENSURE_DATABASE_LOCK + ")");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone outside the lock was faster
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
    }

    /** A plain JDBC connection as the superuser (for tooling and tests; services use their own pools). */
    public Connection connect(String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(username());
        dataSource.setPassword(password());
        return dataSource.getConnection();
    }

    /** Stops the postmaster (pg_ctl stop -m fast); a temporary data directory is deleted. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("PostgreSQL on port {} stopped", port());
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private String readDurability() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            return setting(statement, "fsync") + ", " + setting(statement, "synchronous_commit") + ", "
                    + setting(statement, "full_page_writes");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read PostgreSQL settings", e);
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return name + "=" + rows.getString(1);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[port=" + port() + ", " + durability + "]";
    }
}
