package com.canon.cps.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a PostgreSQL start on a data directory that a previous run may still occupy.
 *
 * <p>zonky starts the postmaster through {@code pg_ctl}, which detaches it from the JVM. When the JVM dies by
 * {@code kill -9}, no shutdown hook runs and the postmaster lives on, holding the data directory and its port; the
 * next start on that directory would fail. This class reads {@code postmaster.pid} and:
 *
 * <ul>
 *   <li>removes it when its process is gone (or the PID now belongs to something that is not PostgreSQL);
 *   <li>stops a live postmaster (SIGTERM, then SIGKILL of it and its backends after a grace period) when no running
 *       JVM owns the directory any more, i.e. nobody holds zonky's {@code epg-lock} file lock (the OS releases it
 *       when the owning process dies);
 *   <li>refuses to touch a postmaster whose directory is still owned by a running JVM: that is not an orphan.
 * </ul>
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    static final String PID_FILE = "postmaster.pid";
    /** The lock file zonky's EmbeddedPostgres holds (FileLock) for as long as it runs on the directory. */
    static final String OWNER_LOCK_FILE = "epg-lock";

    private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration FORCED_SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private OrphanedPostmaster() {}

    /** Makes sure no other postmaster runs on {@code dataDir}; a no-op for a directory without postmaster.pid. */
    static void clear(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        OptionalLong pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            log.info("Removing stale {} (process {} is gone)", pidFile, pid.isPresent() ? pid.getAsLong() : "?");
            deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        if (!looksLikePostgres(postmaster)) {
            log.info(
                    "Removing stale {}: PID {} now belongs to {}",
                    pidFile,
                    postmaster.pid(),
                    postmaster.info().command().orElse("?"));
            deleteIfExists(pidFile);
            return;
        }
        stopIfOrphaned(dataDir, postmaster);
        deleteIfExists(pidFile);
    }

    private static void stopIfOrphaned(Path dataDir, ProcessHandle postmaster) {
        Path ownerLock = dataDir.resolve(OWNER_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(ownerLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data directory " + dataDir
                        + " is in use by another running process (postmaster PID " + postmaster.pid() + ")");
            }
            try {
                log.warn(
                        "Found orphaned postmaster PID {} on {} (its JVM is gone); stopping it",
                        postmaster.pid(),
                        dataDir);
                stop(postmaster);
            } finally {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(
                    "PostgreSQL data directory " + dataDir + " is already in use by a server in this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the owner lock " + ownerLock, e);
        }
    }

    /** SIGTERM (PostgreSQL's smart shutdown: clean, with a checkpoint), then SIGKILL for it and its backends. */
    private static void stop(ProcessHandle postmaster) {
        long started = System.nanoTime();
        postmaster.destroy();
        if (awaitExit(postmaster, SMART_SHUTDOWN_WAIT)) {
            log.info(
                    "Orphaned postmaster PID {} shut down cleanly in {} ms",
                    postmaster.pid(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return;
        }
        log.warn(
                "Orphaned postmaster PID {} ignored SIGTERM for {}; killing it", postmaster.pid(), SMART_SHUTDOWN_WAIT);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(postmaster, FORCED_SHUTDOWN_WAIT)) {
            throw new IllegalStateException("could not stop orphaned postmaster PID " + postmaster.pid());
        }
        backends.forEach(backend -> awaitExit(backend, FORCED_SHUTDOWN_WAIT));
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping postmaster " + process.pid(), e);
        }
    }

    /** An unknown command (not readable here) is given the benefit of the doubt: the PID came from our pid file. */
    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(true);
    }

    /** First line of postmaster.pid is the postmaster's PID (negative for a standalone backend). */
    static OptionalLong readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.abs(Long.parseLong(lines.get(0).trim())));
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {}: {}", pidFile, e.toString());
            return OptionalLong.empty();
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
