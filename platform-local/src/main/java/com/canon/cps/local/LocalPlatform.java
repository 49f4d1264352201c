package com.canon.cps.local;

import com.canon.cps.platform.config.CpsApplication;
import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import com.canon.cps.portal.PortalApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The whole platform in one process: embedded infrastructure, then each of the seven services in its own Spring
 * context (own port, own PostgreSQL database, own Mongo database, own configuration file), then the portal (its own
 * context, its sessions in its own database), then the entry point on 8080. All services share one business clock
 * that {@code POST /dev/clock} can move forward.
 *
 * <p>With {@code --separate} the launcher keeps the servers and the entry point, and runs each service and the portal
 * in a JVM of its own from its own application jar ({@link ServiceProcess}, {@link ServiceJars}), with the same
 * settings; each then has its own system clock (the business clock cannot be moved).
 */
public final class LocalPlatform implements AutoCloseable {

    private final LocalOptions options;
    private final LocalInfrastructure infrastructure;
    private final Map<LocalService, ConfigurableApplicationContext> contexts;
    private final ConfigurableApplicationContext portal;
    private final EntryPoint entryPoint;
    private final LocalSecrets secrets;
    private final MutableClock clock;
    private final DataDirectoryLock lock;
    private final Map<String, ServiceProcess> processes;

    private LocalPlatform(
            LocalOptions options,
            LocalInfrastructure infrastructure,
            Map<LocalService, ConfigurableApplicationContext> contexts,
            ConfigurableApplicationContext portal,
            EntryPoint entryPoint,
            LocalSecrets secrets,
            MutableClock clock,
            DataDirectoryLock lock,
            Map<String, ServiceProcess> processes) {
        this.lock = lock;
        this.processes = processes;
        this.options = options;
        this.infrastructure = infrastructure;
        this.contexts = contexts;
        this.portal = portal;
        this.entryPoint = entryPoint;
        this.secrets = secrets;
        this.clock = clock;
    }

    static final String PORTAL = "portal";
    static final int PORTAL_PORT = 8088;

    public static void main(String[] args) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalOptions.USAGE);
            return;
        }
        long started = System.nanoTime();
        LocalPlatform platform = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "cps-local-shutdown"));
        platform.printSummary(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Starts everything and returns once every service context is up. */
    public static LocalPlatform start(LocalOptions options) {
        configureLogging(options);
        Path dataDir = options.dataDir();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        ServiceProcess.stopOrphans(dataDir); // a launcher killed with --separate leaves its service JVMs behind
        if (options.wipe()) {
            EmbeddedPostgresServer.stopOrphan(dataDir.resolve("postgres"));
            wipe(dataDir);
        }
        LocalSecrets secrets = LocalSecrets.load(dataDir);
        MutableClock clock = new MutableClock(Clock.systemUTC(), loadClockOffset(dataDir));
        GenericEventMessage.clock = clock;

        LocalInfrastructure infrastructure = LocalInfrastructure.start(options);
        Map<LocalService, ConfigurableApplicationContext> contexts = new EnumMap<>(LocalService.class);
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        ConfigurableApplicationContext portal = null;
        try {
            for (LocalService service : LocalService.values()) {
                infrastructure.ensureDatabase(service.service);
            }
            infrastructure.ensureDatabase(PORTAL);
            if (options.separate()) {
                startProcesses(options, infrastructure, secrets, processes);
            } else {
                for (LocalService service : LocalService.values()) {
                    contexts.put(service, startService(service, options, infrastructure, secrets, clock));
                }
                portal = startPortal(options, infrastructure);
            }
            EntryPoint entryPoint = EntryPoint.start(
                    options.port(LocalService.ENTRY_POINT_PORT), options, infrastructure.smtp(), clock, dataDir);
            return new LocalPlatform(
                    options, infrastructure, contexts, portal, entryPoint, secrets, clock, lock, processes);
        } catch (RuntimeException e) {
            if (portal != null) {
                portal.close();
            }
            processes.values().parallelStream().forEach(ServiceProcess::stop);
            contexts.values().forEach(ConfigurableApplicationContext::close);
            infrastructure.close();
            lock.release();
            throw e;
        }
    }

    private static ConfigurableApplicationContext startService(
            LocalService service,
            LocalOptions options,
            LocalInfrastructure infra,
            LocalSecrets secrets,
            MutableClock clock) {
        List<String> args = serviceArguments(service, options, infra, secrets);
        return CpsApplication.builder(service.application, service.service)
                .registerShutdownHook(false) // the launcher stops the services first, then the infrastructure
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
    }

    /** The settings of one service, the same in both modes. */
    private static List<String> serviceArguments(
            LocalService service, LocalOptions options, LocalInfrastructure infra, LocalSecrets secrets) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + options.port(service.port),
                "--server.address=" + LocalOptions.LOOPBACK, // only the entry point may face the network
                "--spring.datasource.url=" + infra.jdbcUrl(service.service),
                "--spring.datasource.username=" + infra.postgresUser(),
                "--spring.datasource.password=" + infra.postgresPassword(),
                "--spring.mongodb.uri=" + infra.mongoUri(service.service),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                "--spring.mail.host=" + infra.smtpHost(),
                "--spring.mail.port=" + infra.smtpPort(),
                "--cps.jwt.public-key=" + secrets.publicKeyPem(),
                "--cps.node-id=local",
                "--cps.simulators.enabled=true", // local mode talks to the simulated registries and gateway
                // the load driver and the tests send every journey from this machine: its own address is not limited
                // (SecurityIT proves the limits from another source, as the entry point reports it)
                "--cps.http.sources.exempt=127.0.0.1,::1",
                "--cps.management.scrape-password=" + secrets.scrapePassword(),
                "--cps.privacy.master-keys=" + secrets.privacyMasterKey(),
                "--spring.main.banner-mode=off"));
        if (service == LocalService.ACCOUNT) {
            args.add("--cps.account.private-key=" + secrets.privateKeyPem());
            args.add("--cps.account.password-token-key=" + secrets.passwordTokenKey());
            args.add("--cps.account.notification-seal-key=" + secrets.accountSealKey());
            args.add("--cps.account.operators[0].email=" + secrets.operatorEmail());
            args.add("--cps.account.operators[0].password-hash=" + secrets.operatorPasswordHash());
        }
        if (service == LocalService.VERIFICATION) {
            args.add("--cps.verification.notification-seal-key=" + secrets.verificationSealKey());
        }
        if (service == LocalService.NOTIFICATION) {
            args.add("--cps.notification.seal-keys.account=" + secrets.accountSealKey());
            args.add("--cps.notification.seal-keys.verification=" + secrets.verificationSealKey());
            // the e-mails' links open the portal through this platform's entry point (also with a port offset)
            String portal = "http://localhost:" + options.port(LocalService.ENTRY_POINT_PORT);
            args.add("--cps.notification.password-link-base=" + portal + "/set-password?token=");
            args.add("--cps.notification.reset-link-base=" + portal + "/reset-password?token=");
            args.add("--cps.notification.portal-base-url=" + portal);
        }
        if (service == LocalService.BILLING) {
            // docs/domain.md §5: the invoice follows the order at once in local mode
            args.add("--cps.billing.issue-delay=PT0S");
        }
        return args;
    }

    /** The portal: pages for members and operators, calling the services on their local ports. */
    private static ConfigurableApplicationContext startPortal(LocalOptions options, LocalInfrastructure infra) {
        return PortalApplication.builder()
                .registerShutdownHook(false)
                .run(portalArguments(options, infra).toArray(String[]::new));
    }

    private static List<String> portalArguments(LocalOptions options, LocalInfrastructure infra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + options.port(PORTAL_PORT),
                "--server.address=" + LocalOptions.LOOPBACK,
                "--spring.datasource.url=" + infra.jdbcUrl(PORTAL),
                "--spring.datasource.username=" + infra.postgresUser(),
                "--spring.datasource.password=" + infra.postgresPassword(),
                "--spring.main.banner-mode=off"));
        for (LocalService s : LocalService.values()) {
            args.add("--cps.portal.services." + s.service + "=http://127.0.0.1:" + options.port(s.port));
        }
        return args;
    }

    /**
     * {@code --separate}: the seven services and the portal each in a JVM of its own, all started at once (they need
     * only the servers, not each other), then awaited until each answers its readiness probe.
     */
    private static void startProcesses(
            LocalOptions options,
            LocalInfrastructure infra,
            LocalSecrets secrets,
            Map<String, ServiceProcess> processes) {
        List<String> jvm = serviceJvmOptions();
        for (LocalService service : LocalService.values()) {
            List<String> args = new ArrayList<>(serviceArguments(service, options, infra, secrets));
            args.add("--logging.level.org.apache.kafka=WARN");
            processes.put(
                    service.service,
                    new ServiceProcess(
                            service.service,
                            ServiceJars.find(service.service + "-service", service.service + "-app"),
                            options.port(service.port),
                            "/actuator/health/readiness",
                            jvm,
                            args,
                            options.dataDir()));
        }
        processes.put(
                PORTAL,
                new ServiceProcess(
                        PORTAL,
                        ServiceJars.find("portal-service", "portal-app"),
                        options.port(PORTAL_PORT),
                        "/actuator/health",
                        jvm,
                        portalArguments(options, infra),
                        options.dataDir()));
        processes.values().forEach(ServiceProcess::start);
        Duration timeout = Duration.ofSeconds(Long.getLong("cps.local.start-timeout-seconds", 600));
        processes.values().parallelStream().forEach(p -> p.awaitReady(timeout));
    }

    /**
     * Each service JVM's options: {@code CPS_SERVICE_JAVA_OPTS} or a small heap; the launcher's own {@code -Dcps.*}
     * settings (e.g. the simulators' fault rates) are handed on, as they reach the services in one JVM.
     */
    private static List<String> serviceJvmOptions() {
        String env = System.getenv("CPS_SERVICE_JAVA_OPTS");
        List<String> jvm = new ArrayList<>(Arrays.asList((env == null || env.isBlank()
                        ? "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
                        : env.trim())
                .split("\\s+")));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("cps.") && !name.startsWith("cps.local."))
                .sorted()
                .forEach(name -> jvm.add("-D" + name + "=" + System.getProperty(name)));
        jvm.add("-Daxoniq.update-checker.disabled=true");
        return jvm;
    }

    public int entryPointPort() {
        return entryPoint.port();
    }

    /** The service's Spring context; null with {@code --separate} (it runs in a JVM of its own). */
    public ConfigurableApplicationContext context(LocalService service) {
        return contexts.get(service);
    }

    /** Stops one service (its port closes), as if its process had died; the others keep running. */
    public synchronized void stop(LocalService service) {
        ServiceProcess process = processes.get(service.service);
        if (process != null) {
            process.stop();
            return;
        }
        ConfigurableApplicationContext context = contexts.remove(service);
        if (context != null) {
            context.close();
        }
    }

    /** Starts a stopped service again on the same port and databases. */
    public synchronized void start(LocalService service) {
        ServiceProcess process = processes.get(service.service);
        if (process != null) {
            process.start();
            process.awaitReady(Duration.ofSeconds(600));
            return;
        }
        if (!contexts.containsKey(service)) {
            contexts.put(service, startService(service, options, infrastructure, secrets, clock));
        }
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public String operatorEmail() {
        return secrets.operatorEmail();
    }

    public String operatorPassword() {
        return secrets.operatorPassword();
    }

    public MutableClock clock() {
        return clock;
    }

    private void printSummary(Duration startup) {
        String base = "http://localhost:" + entryPoint.port();
        StringBuilder out = new StringBuilder();
        out.append("\nCPS platform is up in ")
                .append(startup.toMillis() / 100 / 10.0)
                .append(" s\n");
        out.append("  Open the portal    ").append(base).append("  (member portal; operators log in there too)\n");
        out.append("  Entry point        ").append(base).append("  (/api/**, /admin/<service>/**, /dev/**)\n");
        for (LocalService s : LocalService.values()) {
            out.append(String.format(
                    "  %-18s http://localhost:%d  %s%s%n",
                    s.service + "-service", options.port(s.port), s.prefixes, ownJvm(s.service)));
        }
        out.append(String.format(
                "  %-18s http://localhost:%d  %s%s%n",
                "portal-service", options.port(PORTAL_PORT), "(every other path)", ownJvm(PORTAL)));
        out.append("  Captured e-mails   ").append(base).append("/dev/mail?to=<address>\n");
        out.append("  Business clock     ").append(base).append("/dev/clock\n");
        infrastructure.describe().forEach(line -> out.append(line).append('\n'));
        out.append("  Data directory     ").append(options.dataDir()).append("  (log: cps-local.log)\n");
        if (!processes.isEmpty()) {
            out.append("  Service JVMs       ")
                    .append(options.dataDir().resolve("logs"))
                    .append("/<service>.log; a JVM that dies is started again; /dev/clock moves no service's clock\n");
        }
        out.append("Operator login: ")
                .append(secrets.operatorEmail())
                .append(" / ")
                .append(secrets.operatorPassword())
                .append('\n');
        out.append("Press Ctrl-C to stop.\n");
        System.out.print(out);
        System.out.flush();
    }

    @Override
    public void close() {
        if (entryPoint != null) {
            entryPoint.close();
        }
        if (portal != null) {
            portal.close();
        }
        processes.values().parallelStream().forEach(ServiceProcess::stop);
        // the services are independent of each other: stop them together, then the servers they use
        contexts.entrySet().parallelStream().forEach(entry -> {
            try {
                entry.getValue().close();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + entry.getKey().service + " failed: " + e);
            }
        });
        infrastructure.close();
        lock.release();
    }

    private String ownJvm(String name) {
        ServiceProcess process = processes.get(name);
        return process == null
                ? ""
                : process.pid().map(pid -> "  (own JVM, pid " + pid + ")").orElse("  (own JVM)");
    }

    static Duration loadClockOffset(Path dataDir) {
        Path file = dataDir.resolve("clock-offset");
        try {
            return Files.exists(file) ? Duration.parse(Files.readString(file).trim()) : Duration.ZERO;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void configureLogging(LocalOptions options) {
        System.setProperty(
                "logging.file.name", options.dataDir().resolve("cps-local.log").toString());
        System.setProperty("logging.threshold.console", "WARN");
        // one logging system serves all contexts: the first context's name would label every line
        System.setProperty("logging.include-application-name", "false");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("logging.level.com.canon.cps", "INFO");
        System.setProperty("logging.level.org.apache.kafka", "ERROR");
        System.setProperty("logging.level.kafka", "ERROR");
        System.setProperty("logging.level.org.axonframework", "WARN");
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the services' contexts (re)initialise logging as they start; this covers the infrastructure before them
        StandardEnvironment environment = new StandardEnvironment();
        LoggingSystem logging = LoggingSystem.get(LocalPlatform.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        for (String logger :
                List.of("org.apache.kafka", "kafka", "io.zonky", "org.mongodb", "de.bwaldvogel", "com.icegreen")) {
            logging.setLogLevel(logger, LogLevel.WARN);
        }
        logging.setLogLevel("com.canon.cps", LogLevel.INFO);
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(dir) && !p.getFileName().toString().equals("cps-local.lock"))
                    .toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + dir, e);
        }
    }
}
