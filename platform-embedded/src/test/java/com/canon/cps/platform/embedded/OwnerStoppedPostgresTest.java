package com.canon.cps.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that owns its PostgreSQL and is asked to stop (SIGTERM, as Ctrl-C or {@code kill} to {@code ./cps-local})
 * keeps the database up until its own shutdown hook has stopped what uses it, and then stops it.
 */
class OwnerStoppedPostgresTest {

    private Process child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @TempDir
    Path tempDir;

    @Test
    void theDatabaseOutlivesTheSignalUntilItsOwnerStopsIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = tempDir.resolve("child.out"); // a file: Process.destroy() would close a pipe before the hooks ran
        child = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        OwnerStoppedPostgresProcess.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Optional<String> ready = Optional.empty();
        while (ready.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = Files.readAllLines(output).stream()
                    .filter(l -> l.startsWith("READY "))
                    .findFirst();
        }
        assertThat(ready)
                .as("the child started PostgreSQL: %s", Files.readString(output))
                .isPresent();
        int port = Integer.parseInt(ready.get().substring("READY ".length()).trim());

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(output);
        assertThat(lines)
                .as("the owner's last use, two seconds after the signal, found the database up; then it stopped it")
                .contains("STILL-UP", "STOPPED")
                .noneMatch(l -> l.startsWith("GONE"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 1_000);
            throw new AssertionError("PostgreSQL still listens on " + port + " after its owner stopped it");
        } catch (IOException expected) {
            // stopped
        }
    }
}
