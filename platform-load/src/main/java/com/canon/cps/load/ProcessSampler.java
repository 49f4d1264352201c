package com.canon.cps.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the platform's process once a second: resident memory ({@code VmRSS} of {@code /proc/<pid>/status}, Linux
 * only) and CPU time ({@link ProcessHandle}). Reports the peak resident memory seen while sampling, the process's own
 * high-water mark ({@code VmHWM}) and the CPU time it used between {@link #start()} and {@link #stop()}.
 */
final class ProcessSampler {

    private final long pid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "platform-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile long peakRssKb;
    private long cpuAtStartNanos;
    private long startNanos;

    ProcessSampler(long pid) {
        this.pid = pid;
    }

    /** What the sampler saw; memory in MiB, {@code -1} where the system does not tell. */
    record Sample(
            long pid, double rssMb, double peakRssMb, double highWaterMarkMb, double cpuSeconds, double avgCores) {}

    void start() {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new IllegalArgumentException("No process " + pid + " (--platform-pid)");
        }
        cpuAtStartNanos = cpuNanos();
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    Sample stop() {
        timer.shutdownNow();
        sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = Math.max(0, cpuNanos() - cpuAtStartNanos) / 1e9;
        long rss = statusKb("VmRSS:");
        return new Sample(
                pid,
                mb(rss),
                mb(peakRssKb > 0 ? peakRssKb : -1),
                mb(statusKb("VmHWM:")),
                cpu,
                seconds > 0 ? cpu / seconds : 0);
    }

    private synchronized void sample() {
        long rss = statusKb("VmRSS:");
        if (rss > peakRssKb) {
            peakRssKb = rss;
        }
    }

    private long cpuNanos() {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private long statusKb(String field) {
        try {
            Optional<String> line = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith(field))
                    .findFirst();
            return line.map(l -> Long.parseLong(
                            l.substring(field.length()).replace("kB", "").trim()))
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double mb(long kb) {
        return kb < 0 ? -1 : kb / 1024.0;
    }
}
