package com.canon.cps.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service (or the portal) in a JVM of its own, started from its application jar ({@code --separate}). Its
 * settings go to it in {@code SPRING_APPLICATION_JSON} (the keys and secrets stay out of the process list); its output
 * is appended to {@code <data dir>/logs/<name>.log}; its process id is in {@code <data dir>/services/<name>.pid}. The
 * launcher supervises it: a JVM that dies (a crash, {@code kill -9}) is started again at once, on the same port and
 * databases, as a container platform restarts a failed instance (one that keeps failing to start, after a growing
 * pause of up to 30 s). It runs from a copy of its jar taken at the launcher's start ({@code <data dir>/jars}), so
 * that a build replacing or cleaning {@code target/} meanwhile changes nothing: a restart runs the same build.
 *
 * <p>A <b>rolling restart</b> to another build of one service, the others running on: rename the new jar onto the
 * service's copy in {@code <data dir>/jars} (the running JVM keeps the file it opened), then stop its JVM with SIGTERM
 * ({@code kill $(cat <data dir>/services/<name>.pid)}: a graceful stop); the launcher starts it again from that copy,
 * now the new build. The fault suite ({@code platform-faults}) does so under load.
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final String readinessPath;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;
    private final Path log;
    private final Path pidFile;
    private Process process;
    private boolean supervised;
    private int restarts;
    private int failedStarts;
    private long launched;

    ServiceProcess(
            String name,
            Path jar,
            int port,
            String readinessPath,
            List<String> jvmOptions,
            List<String> arguments,
            Path dataDir) {
        this.name = name;
        this.jar = deployed(jar, dataDir);
        this.port = port;
        this.readinessPath = readinessPath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = settings(arguments);
        this.log = dataDir.resolve("logs").resolve(name + ".log");
        this.pidFile = dataDir.resolve("services").resolve(name + ".pid");
    }

    /** A copy of the jar below the data directory, the one the JVM runs from. */
    private static Path deployed(Path jar, Path dataDir) {
        try {
            Path copy = dataDir.resolve("jars").resolve(jar.getFileName());
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + jar, e);
        }
    }

    /** {@code --key=value} arguments as the JSON object of {@code SPRING_APPLICATION_JSON}. */
    static Map<String, String> settings(List<String> arguments) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || argument.indexOf('=') < 0) {
                throw new IllegalArgumentException("not a --key=value setting: " + argument);
            }
            int equals = argument.indexOf('=');
            settings.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        return settings;
    }

    /** Starts the JVM (it keeps being restarted when it dies, until {@link #stop}); returns at once. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        supervised = true;
        launch();
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(settings));
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process started = builder.start();
            process = started;
            launched = System.nanoTime();
            Files.writeString(pidFile, Long.toString(started.pid()));
            started.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + "-service", e);
        }
    }

    private synchronized void exited(Process ended) {
        if (ended != process || !supervised) {
            return;
        }
        restarts++;
        // a JVM that ended within a minute of its start failed to start: wait longer each time (0.5 s .. 30 s)
        failedStarts = System.nanoTime() - launched < 60_000_000_000L ? failedStarts + 1 : 0;
        long pause = Math.min(30_000L, 500L << Math.min(failedStarts, 6));
        System.err.printf(
                "%s exited (code %d); starting it again in %d ms (restart %d), log %s%n",
                name, ended.exitValue(), pause, restarts, log);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (supervised) {
            launch();
        }
    }

    /** Waits until the service answers its readiness probe (its databases and broker reached). */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readinessPath))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + "-service did not become ready within " + timeout.toSeconds()
                + " s on port " + port + "; see " + log);
    }

    /** SIGTERM (Spring closes the context: consumers leave their groups, processors release their claims). */
    void stop() {
        Process p;
        synchronized (this) {
            supervised = false;
            p = process;
        }
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(45, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the next start writes it again
        }
    }

    synchronized Optional<Long> pid() {
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Ends the service JVMs a launcher left behind when it was killed itself (their pid files remain): only a process
     * that still runs one of the platform's jars is ended.
     */
    static void stopOrphans(Path dataDir) {
        Path dir = dataDir.resolve("services");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    ProcessHandle.of(pid)
                            .filter(h -> h.info()
                                    .commandLine()
                                    .map(c -> c.contains("-exec.jar"))
                                    .orElse(false))
                            .ifPresent(h -> {
                                System.err.println("Stopping " + file.getFileName() + " left from an earlier run");
                                h.destroyForcibly();
                                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                            });
                } catch (RuntimeException e) {
                    // unreadable or already gone
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
