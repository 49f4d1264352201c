package com.canon.cps.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of {@code ./cps-local}.
 *
 * @param portOffset added to every port (services, entry point, infrastructure) to run a second instance
 * @param bind the address the entry point listens on: loopback unless told otherwise (the services and servers always
 *     listen on loopback only)
 * @param separate each service and the portal in a JVM of its own, started from its own application jar (the
 *     launcher keeps the servers and the entry point); otherwise every service is a Spring context in this JVM
 */
public record LocalOptions(
        Path dataDir,
        boolean wipe,
        int portOffset,
        boolean help,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        String kafkaBootstrap,
        String mongoUri,
        String smtpHost,
        int smtpPort,
        String bind,
        boolean separate) {

    static final String LOOPBACK = "127.0.0.1";

    /** Everything embedded, on loopback. */
    public LocalOptions(Path dataDir, boolean wipe, int portOffset) {
        this(dataDir, wipe, portOffset, false, null, null, null, null, null, null, 0, LOOPBACK, false);
    }

    /** Every service in this JVM (the default), with the servers given. */
    public LocalOptions(
            Path dataDir,
            boolean wipe,
            int portOffset,
            boolean help,
            String postgresUrl,
            String postgresUser,
            String postgresPassword,
            String kafkaBootstrap,
            String mongoUri,
            String smtpHost,
            int smtpPort,
            String bind) {
        this(
                dataDir,
                wipe,
                portOffset,
                help,
                postgresUrl,
                postgresUser,
                postgresPassword,
                kafkaBootstrap,
                mongoUri,
                smtpHost,
                smtpPort,
                bind,
                false);
    }

    static final String USAGE = """
            Usage: ./cps-local [options]

            Runs the whole CPS platform on this machine: embedded PostgreSQL, Kafka (KRaft), the Mongo wire-protocol
            server and an SMTP catcher, plus all seven services, with the entry point on http://localhost:8080.

              --data-dir DIR     where all local data lives (default ./.cps-local); it survives restarts
              --wipe             delete the data directory first and start empty
              --port-offset N    add N to every port (default 0), to run a second platform beside the first
              --bind ADDRESS     the entry point's address (default 127.0.0.1: this machine only; 0.0.0.0 opens it,
                                 /dev/mail and /dev/clock included, to the network)
              --separate         run each service and the portal in a JVM of its own, from its own application jar
                                 (<service>-app/target/*-exec.jar), as the platform teams deploy them; the servers
                                 and the entry point stay in the launcher, which restarts a service whose JVM dies.
                                 Logs in DATA-DIR/logs/<service>.log; JVM options from CPS_SERVICE_JAVA_OPTS.
                                 /dev/clock cannot move the services' clocks in this mode.
              --help             show this help

            Use external servers instead of embedded ones (each independently; nothing is embedded for it):
              --postgres URL     e.g. jdbc:postgresql://db:5432/ (a database per service is created if missing)
              --postgres-user U  --postgres-password P   (default postgres / postgres)
              --kafka HOST:PORT  bootstrap servers
              --mongo URI        e.g. mongodb://mongo:27017 (a database per service)
              --smtp HOST:PORT   an SMTP relay (then /dev/mail has nothing to show)

            Ports (before the offset): entry point 8080; services 8081-8087; Kafka 19092; PostgreSQL 15432;
            Mongo wire protocol 37017; SMTP 3025; portal 8088. Stop with Ctrl-C.
            """;

    public static LocalOptions parse(List<String> args) {
        Path dataDir = Path.of(".cps-local");
        boolean wipe = false;
        int offset = 0;
        boolean help = false;
        String postgres = null;
        String postgresUser = "postgres";
        String postgresPassword = "postgres";
        String kafka = null;
        String mongo = null;
        String smtpHost = null;
        int smtpPort = 0;
        String bind = LOOPBACK;
        boolean separate = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--wipe" -> wipe = true;
                case "--separate" -> separate = true;
                case "--bind" -> bind = value(args, ++i, arg);
                case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                case "--postgres" -> postgres = withTrailingSlash(value(args, ++i, arg));
                case "--postgres-user" -> postgresUser = value(args, ++i, arg);
                case "--postgres-password" -> postgresPassword = value(args, ++i, arg);
                case "--kafka" -> kafka = value(args, ++i, arg);
                case "--mongo" -> mongo = value(args, ++i, arg);
                case "--smtp" -> {
                    String[] hostPort = value(args, ++i, arg).split(":", 2);
                    smtpHost = hostPort[0];
                    smtpPort = hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 25;
                }
                default -> {
                    if (arg.startsWith("--data-dir=")) {
                        dataDir = Path.of(arg.substring("--data-dir=".length()));
                    } else if (arg.startsWith("--port-offset=")) {
                        offset = Integer.parseInt(arg.substring("--port-offset=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option " + arg + "\n\n" + USAGE);
                    }
                }
            }
        }
        return new LocalOptions(
                dataDir.toAbsolutePath().normalize(),
                wipe,
                offset,
                help,
                postgres,
                postgresUser,
                postgresPassword,
                kafka,
                mongo,
                smtpHost,
                smtpPort,
                bind,
                separate);
    }

    private static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n\n" + USAGE);
        }
        return args.get(index);
    }

    int port(int base) {
        return base + portOffset;
    }
}
