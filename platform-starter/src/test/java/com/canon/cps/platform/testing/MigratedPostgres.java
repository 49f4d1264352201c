package com.canon.cps.platform.testing;

import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL of a test class's own (not durable) with one database, migrated by the platform's scripts. */
public final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgresServer server;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private MigratedPostgres(String database) {
        server = EmbeddedPostgresServer.start(null, 0, false);
        server.ensureDatabase(database);
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    /** Starts the server and migrates {@code database} ({@code db/platform}). */
    public static MigratedPostgres start(String database) {
        return new MigratedPostgres(database);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        server.close();
    }
}
