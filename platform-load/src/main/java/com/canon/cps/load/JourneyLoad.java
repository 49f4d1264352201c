package com.canon.cps.load;

import com.canon.cps.platform.test.QuietMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver of issue #7 ("full seed journeys"): runs {@link Journey}s against a running platform's entry point,
 * either on a fixed schedule ({@code --rate}, open model: a journey starts when it is due, however slow the earlier
 * ones are, and its latency counts from when it was due) or as fast as possible ({@code --max --concurrency N}),
 * and reports counts, throughput, latency percentiles per step and per journey, and errors by step. Before the load it
 * measures the password-hashing bound of the same machine ({@link HashingBound}) and reports the ratio to it.
 *
 * <p>{@code java -jar platform-load/target/platform-load.jar --rate 2 --duration PT2M}; see BENCHMARKS.md.
 */
public final class JourneyLoad {

    private final LoadOptions options;
    private final PlatformClient http;
    private final Results results = new Results(Journey.STEPS);
    private final String runId = HexFormat.of().formatHex(randomBytes());
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    private JourneyLoad(LoadOptions options) {
        this.options = options;
        this.http = new PlatformClient(options.baseUrl());
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("lag")) {
            LagBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("portal")) {
            PortalBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadReport report;
        try {
            report = run(options);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(report.failed() == 0 && report.unfinished() == 0 && report.completed() > 0 ? 0 : 1);
    }

    /** Runs the whole benchmark (bound, warm-up, window, drain), prints the report, writes it with {@code --report}. */
    public static LoadReport run(LoadOptions options) {
        return new JourneyLoad(options).execute();
    }

    private LoadReport execute() {
        checkReachable();
        QuietMachine machine = QuietMachine.atStart();
        log("%s", machine.line());
        HashingBound.Result bound = null;
        if (options.boundIterations() > 0) {
            log(
                    "measuring the password-hashing bound (%d BCrypt hash + verify pairs, cost %d, before the load)...",
                    options.boundIterations(), HashingBound.COST);
            bound = HashingBound.measure(options.boundIterations());
            log(
                    "  hash %.1f ms + verify %.1f ms CPU on one thread; %d cores -> %.2f journeys/s",
                    bound.hashCpuMs(), bound.verifyCpuMs(), bound.cores(), bound.journeysPerSecond());
        }
        ProcessSampler sampler =
                options.platformPid() > 0 ? new ProcessSampler(options.platformPid(), options.postgresPid()) : null;
        long driverCpu0 = processCpuNanos();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long windowStart = start + options.warmup().toNanos();
        long windowEnd = windowStart + options.duration().toNanos();
        log(
                "running journeys (%s), warm-up %s, window %s, run %s",
                options.max() ? "max, concurrency " + options.concurrency() : "rate " + options.rate() + "/s",
                options.warmup(),
                options.duration(),
                runId);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "progress"));
        progress.scheduleAtFixedRate(() -> progress(start, windowStart), 10, 10, TimeUnit.SECONDS);
        ExecutorService journeys = options.max()
                ? Executors.newFixedThreadPool(options.concurrency(), r -> daemon(r, "journey"))
                : Executors.newCachedThreadPool(r -> daemon(r, "journey"));
        boolean[] samplerStarted = {false};
        Runnable startSampler = () -> {
            if (sampler != null && !samplerStarted[0]) {
                sampler.start();
                samplerStarted[0] = true;
            }
        };
        if (options.warmup().isZero()) {
            startSampler.run();
        }
        boolean limitReached;
        if (options.max()) {
            limitReached = runClosed(journeys, windowStart, windowEnd, startSampler);
        } else {
            limitReached = runOpen(journeys, windowStart, windowEnd, startSampler);
        }
        journeys.shutdown();
        try {
            if (!journeys.awaitTermination(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log(
                        "%d journeys still in flight after the drain timeout of %s",
                        inFlight.get(), options.drainTimeout());
                journeys.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            journeys.shutdownNow();
        }
        progress.shutdownNow();
        long end = System.nanoTime();
        // with --journeys the window closes when the last journey is done, if that is before the window's end
        long effectiveWindowEnd = limitReached ? Math.min(windowEnd, Math.max(windowStart, end)) : windowEnd;
        startSampler.run();
        ProcessSampler.Sample platform = sampler == null ? null : sampler.stop();
        LoadReport report = LoadReport.of(
                options,
                startedAt,
                results,
                windowStart,
                effectiveWindowEnd,
                bound,
                platform,
                (processCpuNanos() - driverCpu0) / 1e9,
                http.requests(),
                machine);
        System.out.print(report.toText());
        System.out.flush();
        if (options.report() != null) {
            write(options.report(), report);
        }
        return report;
    }

    /** Open model: journey {@code i} is due at {@code start + i / rate}; returns whether the journey limit was hit. */
    private boolean runOpen(ExecutorService journeys, long windowStart, long windowEnd, Runnable startSampler) {
        long interval = Math.max(1, Math.round(1e9 / options.rate()));
        long first = System.nanoTime();
        for (long i = 0; ; i++) {
            long due = first + i * interval;
            if (due >= windowEnd) {
                return false;
            }
            if (options.journeys() > 0 && i >= options.journeys()) {
                return true;
            }
            sleepUntil(due);
            if (due >= windowStart) {
                startSampler.run();
            }
            boolean measured = due >= windowStart;
            if (inFlight.get() >= options.maxInFlight()) {
                if (measured) {
                    results.skipped();
                }
                continue;
            }
            inFlight.incrementAndGet();
            journeys.execute(() -> journey(due, measured));
        }
    }

    /** Closed model: {@code concurrency} journeys back to back; returns whether the journey limit was hit. */
    private boolean runClosed(ExecutorService journeys, long windowStart, long windowEnd, Runnable startSampler) {
        AtomicLong issued = new AtomicLong();
        boolean[] limit = {false};
        List<Runnable> workers = new ArrayList<>();
        for (int w = 0; w < options.concurrency(); w++) {
            workers.add(() -> {
                while (true) {
                    long now = System.nanoTime();
                    if (now >= windowEnd) {
                        return;
                    }
                    if (options.journeys() > 0 && issued.incrementAndGet() > options.journeys()) {
                        limit[0] = true;
                        return;
                    }
                    inFlight.incrementAndGet();
                    journey(now, now >= windowStart);
                }
            });
        }
        workers.forEach(journeys::execute);
        // the sampler starts with the window, on this thread
        sleepUntil(windowStart);
        startSampler.run();
        journeys.shutdown();
        try {
            journeys.awaitTermination(
                    Math.max(0, windowEnd - System.nanoTime())
                            + options.drainTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return limit[0] || (options.journeys() > 0 && issued.get() >= options.journeys());
    }

    private void journey(long due, boolean measured) {
        results.journeyStarted(measured);
        try {
            new Journey(http, results, measured, options, runId + "-j" + sequence.incrementAndGet()).run();
            long done = System.nanoTime();
            results.journeyCompleted(done - due, done, measured);
        } catch (Journey.JourneyFailed e) {
            results.journeyFailed(measured);
        } catch (RuntimeException e) {
            results.stepFailed("journey", e.toString(), null, measured);
            results.journeyFailed(measured);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void checkReachable() {
        PlatformClient.Response catalog;
        try {
            catalog = http.get("/api/catalog", null);
        } catch (PlatformClient.StepFailure e) {
            throw new IllegalStateException("The platform at " + options.baseUrl() + " is not reachable ("
                    + e.getMessage() + "): start it with ./cps-local, or pass --base-url");
        }
        if (catalog.status() != 200) {
            throw new IllegalStateException(
                    "GET " + options.baseUrl() + "/api/catalog answered " + catalog.status() + ", expected 200");
        }
    }

    private void progress(long start, long windowStart) {
        long now = System.nanoTime();
        log(
                "%4.0f s %s: started %d, completed %d, failed %d, in flight %d",
                (now - start) / 1e9,
                now < windowStart ? "(warm-up)" : "",
                results.measured().started.get() + results.warmup().started.get(),
                results.measured().completed.get() + results.warmup().completed.get(),
                results.measured().failed.get() + results.warmup().failed.get(),
                inFlight.get());
    }

    private static void write(Path file, LoadReport report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(
                    file,
                    PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()) + "\n");
            log("report written to %s", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
