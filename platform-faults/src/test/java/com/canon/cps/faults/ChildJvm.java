package com.canon.cps.faults;

import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.ChildJvmCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A child JVM on this test's class path, with the test JVM's JIT flags: started, awaited until its log shows a ready
 * line, killed with SIGKILL or stopped with SIGTERM. Each start writes its own log file ({@code <name>-<n>.log}).
 */
final class ChildJvm {

    private final String name;
    private final Path logDir;
    private final List<String> jvmOptions;
    private final String mainClass;
    private final List<String> arguments;
    private final String readyLine;
    private final Duration startTimeout;
    private Process process;
    private Path log;
    private int starts;

    ChildJvm(
            String name,
            Path logDir,
            List<String> jvmOptions,
            String mainClass,
            List<String> arguments,
            String readyLine,
            Duration startTimeout) {
        this.name = name;
        this.logDir = logDir;
        this.jvmOptions = jvmOptions;
        this.mainClass = mainClass;
        this.arguments = arguments;
        this.readyLine = readyLine;
        this.startTimeout = startTimeout;
    }

    /** Starts the JVM and returns once its log shows the ready line; the time it took. */
    Duration start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        long started = System.nanoTime();
        starts++;
        log = logDir.resolve(name + "-" + starts + ".log");
        List<String> command = ChildJvmCommand.of(jvmOptions, mainClass, arguments);
        try {
            Files.createDirectories(logDir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = process;
        Path l = log;
        await().atMost(startTimeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited with " + p.exitValue() + ", see " + l + ":\n" + tail(l));
            }
            return Files.readString(l).contains(readyLine);
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM (shutdown hooks run); SIGKILL if it has not ended within {@code grace}. */
    void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            waitForExit(grace);
        } catch (RuntimeException timedOut) {
            kill();
        }
    }

    private void waitForExit(Duration timeout) {
        Process p = process;
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> !p.isAlive());
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
