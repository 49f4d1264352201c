package com.canon.cps.local;

import com.canon.cps.platform.embedded.EmbeddedKafkaServer;
import com.canon.cps.platform.embedded.EmbeddedMongoServer;
import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import com.canon.cps.platform.embedded.EmbeddedSmtpServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The servers the local platform runs on: each one embedded (the default) or, when its address is given, an external
 * server that is used as it is (nothing is embedded for it). Embedded servers keep their data below the data
 * directory.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final LocalOptions options;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedSmtpServer smtp;

    private LocalInfrastructure(
            LocalOptions options,
            EmbeddedPostgresServer postgres,
            EmbeddedKafkaServer kafka,
            EmbeddedMongoServer mongo,
            EmbeddedSmtpServer smtp) {
        this.options = options;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.smtp = smtp;
    }

    /**
     * Starts the embedded servers one after the other: PostgreSQL and Kafka in parallel would let the connections of
     * one take the other's port as their source port before it is bound (see {@link PortHolds}); the ports not yet
     * bound are held meanwhile.
     */
    static LocalInfrastructure start(LocalOptions o) {
        Path data = o.dataDir();
        int postgresPort = o.port(15432);
        int kafkaPort = o.port(19092);
        List<AutoCloseable> started = new ArrayList<>();
        try (PortHolds holds =
                new PortHolds(o.postgresUrl() == null ? postgresPort : 0, o.kafkaBootstrap() == null ? kafkaPort : 0)) {
            EmbeddedMongoServer mongo = o.mongoUri() != null
                    ? null
                    : EmbeddedMongoServer.start(data.resolve("mongo").resolve("read-models.mv"), o.port(37017));
            started.add(mongo);
            EmbeddedSmtpServer smtp =
                    o.smtpHost() != null ? null : EmbeddedSmtpServer.start(data.resolve("mail"), o.port(3025));
            started.add(smtp);
            holds.release(postgresPort);
            EmbeddedPostgresServer postgres = o.postgresUrl() != null
                    ? null
                    : EmbeddedPostgresServer.start(data.resolve("postgres"), postgresPort, true, true);
            started.add(postgres);
            holds.release(kafkaPort);
            EmbeddedKafkaServer kafka =
                    o.kafkaBootstrap() != null ? null : EmbeddedKafkaServer.start(data.resolve("kafka"), kafkaPort, 4);
            started.add(kafka);
            return new LocalInfrastructure(o, postgres, kafka, mongo, smtp);
        } catch (RuntimeException e) {
            started.forEach(LocalInfrastructure::closeQuietly);
            throw e;
        }
    }

    String jdbcUrl(String database) {
        return postgres != null ? postgres.jdbcUrl(database) : options.postgresUrl() + database;
    }

    String postgresUser() {
        return postgres != null ? postgres.username() : options.postgresUser();
    }

    String postgresPassword() {
        return postgres != null ? postgres.password() : options.postgresPassword();
    }

    /** Creates the service's database if it does not exist (on an external server the user needs CREATEDB). */
    void ensureDatabase(String database) {
        if (postgres != null) {
            postgres.ensureDatabase(database);
            return;
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a supported database name: " + database);
        }
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")
                    .next()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
    }

    /** A JDBC connection to one service's database, for tools and tests. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), postgresUser(), postgresPassword());
    }

    public String kafkaBootstrap() {
        return kafka != null ? kafka.bootstrapServers() : options.kafkaBootstrap();
    }

    String mongoUri(String database) {
        return (mongo != null ? mongo.connectionString() : options.mongoUri().replaceAll("/+$", "")) + "/" + database;
    }

    String smtpHost() {
        return smtp != null ? "127.0.0.1" : options.smtpHost();
    }

    int smtpPort() {
        return smtp != null ? smtp.port() : options.smtpPort();
    }

    /** The embedded SMTP server whose captured mails {@code /dev/mail} shows; null with an external relay. */
    public EmbeddedSmtpServer smtp() {
        return smtp;
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %-19s%s", "Kafka", kafkaBootstrap() + (kafka == null ? " (external)" : "")));
        lines.add(String.format(
                "  %-19s%s",
                "PostgreSQL",
                postgres != null
                        ? "127.0.0.1:" + postgres.port() + "  (user " + postgres.username()
                                + ", one database per service; " + postgres.durability() + ")"
                        : options.postgresUrl() + " (external)"));
        lines.add(String.format(
                "  %-19s%s",
                "Mongo wire protocol",
                mongo != null
                        ? mongo.connectionString() + "  (H2 file; a write is acknowledged once it is fsynced)"
                        : options.mongoUri() + " (external)"));
        lines.add(String.format(
                "  %-19s%s", "SMTP", smtpHost() + ":" + smtpPort() + (smtp == null ? " (external)" : "")));
        return lines;
    }

    @Override
    public void close() {
        closeQuietly(smtp);
        closeQuietly(mongo);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("Stopping " + c + " failed: " + e);
        }
    }
}
