package com.canon.cps.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB substitute: mongo-java-server speaking the MongoDB wire protocol on a loopback port (no {@code mongod}
 * binary can be obtained here).
 *
 * <p>Two backends: memory (tests) and an H2 file that survives restarts. The file backend acknowledges a write only
 * once it is committed and fsynced ({@link DurableH2Backend}), as MongoDB does for a journaled write concern, so a
 * {@code kill -9} of this server or of the JVM it runs in loses no acknowledged write. Limits of the substitute: no
 * sessions, hence no multi-document transactions, and no {@code hello} command.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final int port;

    private EmbeddedMongoServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server.
     *
     * @param file the H2 database file (created if missing, survives restarts and kills); {@code null} = memory backend
     * @param port the port, 0 = a random free port
     */
    public static EmbeddedMongoServer start(Path file, int port) {
        MongoBackend backend = file == null ? IdIndexedBackends.memory() : fileBackend(file);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        int boundPort = server.getLocalAddress().getPort();
        log.info(
                "Mongo wire-protocol server started on {}:{} ({})",
                Ports.LOOPBACK,
                boundPort,
                file == null ? "memory backend" : "H2 file " + file.toAbsolutePath());
        return new EmbeddedMongoServer(server, boundPort);
    }

    private static MongoBackend fileBackend(Path file) {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Directories.create(absolute.getParent());
        }
        return DurableH2Backend.open(absolute);
    }

    /** {@code mongodb://127.0.0.1:<port>} */
    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Closes client connections, stops listening and closes the backend (H2: flushes and closes the file). */
    @Override
    public void close() {
        server.shutdownNow();
        log.info("Mongo wire-protocol server on port {} stopped", port);
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + connectionString() + "]";
    }
}
