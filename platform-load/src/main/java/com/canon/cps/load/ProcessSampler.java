package com.canon.cps.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples the platform once a second (Linux {@code /proc} only): not only its JVM but everything {@code ./cps-local}
 * starts (issue #19: "under 3 GB" counted the JVM alone).
 *
 * <ul>
 *   <li><b>the JVM</b>: resident memory ({@code VmRSS} of {@code /proc/<pid>/status}), its high-water mark ({@code
 *       VmHWM}) and CPU time ({@link ProcessHandle});
 *   <li><b>every process it started</b>: its descendants ({@link ProcessHandle#descendants()}), e.g. the services'
 *       JVMs of {@code ./cps-local --separate};
 *   <li><b>its PostgreSQL</b>: the postmaster and its backends. zonky starts the postmaster through {@code pg_ctl},
 *       which detaches it from the JVM, so it is no descendant: it is the process given by {@code --postgres-pid}
 *       (with its descendants), else every process named {@code postgres} whose working directory (PostgreSQL runs
 *       in its data directory) lies below the platform's data directory ({@code --data-dir} on the JVM's command
 *       line, relative to its working directory; default {@code .cps-local}).
 * </ul>
 *
 * For the whole set it reports the peak of the sum of resident memory (RSS: pages shared between processes, such as
 * PostgreSQL's shared buffers in every backend, counted once per process, so an upper bound) and the peak of the sum
 * of proportional set sizes ({@code Pss} of {@code /proc/<pid>/smaps_rollup}: a shared page divided among the
 * processes that map it, so the sum is the memory the set really occupies). The target "platform under 3 GB" is
 * judged on that PSS sum ({@link Sample#judgedMb()}).
 */
final class ProcessSampler {

    private final long pid;
    private final long postgresPid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "platform-sampler");
        t.setDaemon(true);
        return t;
    });
    private Path dataDir;
    private long peakRssKb;
    private long peakTreeRssKb;
    private long peakTreePssKb;
    private long peakPostgresRssKb;
    private long peakPostgresPssKb;
    private int maxProcesses;
    private int maxPostgresProcesses;
    private long cpuAtStartNanos;
    private long startNanos;

    /**
     * @param pid the platform's JVM
     * @param postgresPid its PostgreSQL postmaster; 0 = the postgres processes working below its data directory
     */
    ProcessSampler(long pid, long postgresPid) {
        this.pid = pid;
        this.postgresPid = postgresPid;
    }

    /**
     * What the sampler saw; memory in MiB, {@code -1} where the system does not tell.
     *
     * @param rssMb the JVM at the end
     * @param peakRssMb the JVM's peak sampled
     * @param highWaterMarkMb the JVM's own high-water mark
     * @param cpuSeconds the JVM's CPU time in the window
     * @param avgCores that CPU time per second of the window
     * @param memory the whole platform: the JVM, what it started and its PostgreSQL
     */
    record Sample(
            long pid,
            double rssMb,
            double peakRssMb,
            double highWaterMarkMb,
            double cpuSeconds,
            double avgCores,
            Memory memory) {

        /** The platform's memory for the target: the whole set's PSS, else its RSS sum, else the JVM's peak. */
        double judgedMb() {
            if (memory != null && memory.peakPssMb() > 0) {
                return memory.peakPssMb();
            }
            if (memory != null && memory.peakRssSumMb() > 0) {
                return memory.peakRssSumMb();
            }
            return Math.max(peakRssMb, highWaterMarkMb);
        }
    }

    /**
     * The whole platform's memory, peaks of sums over the samples (MiB; {@code -1} where unknown).
     *
     * @param processes the most processes counted at once (the JVM, its descendants, PostgreSQL's)
     * @param postgresProcesses the most PostgreSQL processes counted at once (0: none found)
     * @param postgresDataDir where PostgreSQL processes were looked for, or the postmaster given
     */
    record Memory(
            int processes,
            int postgresProcesses,
            String postgresDataDir,
            double peakRssSumMb,
            double peakPssMb,
            double peakPostgresRssSumMb,
            double peakPostgresPssMb) {}

    void start() {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new IllegalArgumentException("No process " + pid + " (--platform-pid)");
        }
        if (postgresPid > 0 && ProcessHandle.of(postgresPid).isEmpty()) {
            throw new IllegalArgumentException("No process " + postgresPid + " (--postgres-pid)");
        }
        dataDir = postgresPid > 0 ? null : dataDirOf(pid);
        cpuAtStartNanos = cpuNanos();
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    Sample stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = Math.max(0, cpuNanos() - cpuAtStartNanos) / 1e9;
        long rss = statusKb(pid, "VmRSS:");
        synchronized (this) {
            return new Sample(
                    pid,
                    mb(rss),
                    mb(peakRssKb > 0 ? peakRssKb : -1),
                    mb(statusKb(pid, "VmHWM:")),
                    cpu,
                    seconds > 0 ? cpu / seconds : 0,
                    new Memory(
                            maxProcesses,
                            maxPostgresProcesses,
                            postgresPid > 0 ? "postmaster " + postgresPid : String.valueOf(dataDir),
                            mb(peakTreeRssKb > 0 ? peakTreeRssKb : -1),
                            mb(peakTreePssKb > 0 ? peakTreePssKb : -1),
                            mb(peakPostgresRssKb > 0 ? peakPostgresRssKb : -1),
                            mb(peakPostgresPssKb > 0 ? peakPostgresPssKb : -1)));
        }
    }

    private synchronized void sample() {
        long rss = statusKb(pid, "VmRSS:");
        peakRssKb = Math.max(peakRssKb, rss);
        Set<Long> platform = new LinkedHashSet<>();
        platform.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> platform.add(d.pid())));
        List<Long> postgres = postgresProcesses();
        platform.removeAll(postgres);
        long treeRss = 0;
        long treePss = 0;
        long pgRss = 0;
        long pgPss = 0;
        for (long p : platform) {
            treeRss += Math.max(0, statusKb(p, "VmRSS:"));
            treePss += Math.max(0, pssKb(p));
        }
        for (long p : postgres) {
            pgRss += Math.max(0, statusKb(p, "VmRSS:"));
            pgPss += Math.max(0, pssKb(p));
        }
        peakTreeRssKb = Math.max(peakTreeRssKb, treeRss + pgRss);
        peakTreePssKb = Math.max(peakTreePssKb, treePss + pgPss);
        peakPostgresRssKb = Math.max(peakPostgresRssKb, pgRss);
        peakPostgresPssKb = Math.max(peakPostgresPssKb, pgPss);
        maxProcesses = Math.max(maxProcesses, platform.size() + postgres.size());
        maxPostgresProcesses = Math.max(maxPostgresProcesses, postgres.size());
    }

    /** The postmaster given and its backends, else the postgres processes working below the data directory. */
    private List<Long> postgresProcesses() {
        List<Long> found = new ArrayList<>();
        if (postgresPid > 0) {
            ProcessHandle.of(postgresPid).ifPresent(p -> {
                found.add(p.pid());
                p.descendants().forEach(d -> found.add(d.pid()));
            });
            return found;
        }
        if (dataDir == null) {
            return found;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).strip()))
                    .filter(p -> {
                        try {
                            return p.resolve("cwd").toRealPath().startsWith(dataDir);
                        } catch (IOException | RuntimeException e) {
                            return false; // gone, or another user's
                        }
                    })
                    .forEach(p -> found.add(Long.parseLong(p.getFileName().toString())));
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing found
        }
        return found;
    }

    /**
     * The platform's data directory: {@code --data-dir DIR} or {@code --data-dir=DIR} on its command line (NUL-separated
     * in {@code /proc/<pid>/cmdline}), relative to its working directory; {@code .cps-local} without one.
     */
    static Path dataDirOf(long pid) {
        try {
            Path cwd = Path.of("/proc/" + pid + "/cwd").toRealPath();
            Path dir = cwd.resolve(
                    dataDirArgument(read(Path.of("/proc/" + pid + "/cmdline")).split("\0")));
            return Files.isDirectory(dir) ? dir.toRealPath() : dir.normalize();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The value of {@code --data-dir} in a command line, {@code .cps-local} (platform-local's default) without. */
    static String dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--data-dir=")) {
                return args[i].substring("--data-dir=".length());
            }
        }
        return ".cps-local";
    }

    private long cpuNanos() {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static long statusKb(long pid, String field) {
        return kb(Path.of("/proc/" + pid + "/status"), field);
    }

    private static long pssKb(long pid) {
        return kb(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
    }

    /** A {@code Field:   123 kB} line of a {@code /proc} file; -1 if absent or unreadable (the process ended). */
    static long kb(Path file, String field) {
        Optional<String> line =
                read(file).lines().filter(l -> l.startsWith(field)).findFirst();
        try {
            return line.map(l -> Long.parseLong(
                            l.substring(field.length()).replace("kB", "").trim()))
                    .orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double mb(long kb) {
        return kb < 0 ? -1 : kb / 1024.0;
    }
}
