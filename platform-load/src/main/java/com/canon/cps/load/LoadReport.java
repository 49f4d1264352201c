package com.canon.cps.load;

import com.canon.cps.load.LatencyStats.Summary;
import com.canon.cps.platform.test.QuietMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of one run: counts, throughput, latency percentiles per step and per journey, errors by step, the
 * password-hashing bound and the ratio to it, and the targets of issue #7 (full seed journeys) met or missed.
 *
 * @param started journeys started in the measured window (warm-up journeys are counted apart)
 * @param completedInWindow journeys (of any start time) that completed within the window: the throughput's numerator
 * @param windowSeconds the measured window's length, the throughput's denominator
 * @param bound the password-hashing bound, or {@code null} if it was not measured
 * @param platform the platform process's memory and CPU, or {@code null} if not sampled
 * @param machine the load average before the run: above 0.5 every MET or MISSED becomes INVALID
 */
record LoadReport(
        String baseUrl,
        String mode,
        double rate,
        int concurrency,
        Duration warmup,
        Duration duration,
        Instant startedAt,
        double windowSeconds,
        long started,
        long completed,
        long failed,
        long skipped,
        long warmupStarted,
        long warmupCompleted,
        long warmupFailed,
        long completedInWindow,
        Summary journey,
        Map<String, Summary> steps,
        Map<String, Results.StepErrors> errors,
        HashingBound.Result bound,
        ProcessSampler.Sample platform,
        double driverCpuSeconds,
        long requests,
        QuietMachine machine) {

    /** The targets of issue #7's row "full seed journeys" on the 2-core machine. */
    static final double TARGET_RATIO = 0.5;

    static final double TARGET_P99_MS = 5000;
    static final double TARGET_RSS_MB = 3 * 1024;
    static final Duration TARGET_DURATION = Duration.ofMinutes(2);

    static LoadReport of(
            LoadOptions options,
            Instant startedAt,
            Results results,
            long windowStartNanos,
            long windowEndNanos,
            HashingBound.Result bound,
            ProcessSampler.Sample platform,
            double driverCpuSeconds,
            long requests,
            QuietMachine machine) {
        Map<String, Summary> steps = new LinkedHashMap<>();
        results.stepLatencies().forEach((name, stats) -> steps.put(name, stats.summary()));
        return new LoadReport(
                options.baseUrl(),
                options.max() ? "max" : "rate",
                options.max() ? 0 : options.rate(),
                options.max() ? options.concurrency() : 0,
                options.warmup(),
                options.duration(),
                startedAt,
                Math.max(0, windowEndNanos - windowStartNanos) / 1e9,
                results.measured().started.get(),
                results.measured().completed.get(),
                results.measured().failed.get(),
                results.skippedCount(),
                results.warmup().started.get(),
                results.warmup().completed.get(),
                results.warmup().failed.get(),
                results.completedBetween(windowStartNanos, windowEndNanos),
                results.journeyLatency().summary(),
                steps,
                results.errors(),
                bound,
                platform,
                driverCpuSeconds,
                requests,
                machine);
    }

    /** Journeys completed per second within the measured window. */
    double throughput() {
        return windowSeconds > 0 ? completedInWindow / windowSeconds : 0;
    }

    /** Started in the window but neither completed nor failed when the run ended. */
    long unfinished() {
        return Math.max(0, started - completed - failed);
    }

    /** Throughput as a share of the password-hashing bound; NaN without a bound. */
    double ratio() {
        return bound == null || bound.journeysPerSecond() <= 0 ? Double.NaN : throughput() / bound.journeysPerSecond();
    }

    /** Each target of issue #7: MET, MISSED or NOT MEASURED, with what was observed. */
    Map<String, String> targets() {
        Map<String, String> t = new LinkedHashMap<>();
        double ratio = ratio();
        t.put(
                "throughput >= 50 % of the password-hashing bound",
                Double.isNaN(ratio)
                        ? "NOT MEASURED (no bound)"
                        : verdict(ratio >= TARGET_RATIO) + String.format(Locale.ROOT, " (%.1f %%)", ratio * 100));
        boolean clean = failed == 0 && unfinished() == 0 && skipped == 0 && started > 0;
        boolean long2min = windowSeconds >= TARGET_DURATION.toSeconds() - 0.5;
        t.put(
                "sustained for 2 minutes, every journey completed",
                (clean && !long2min ? "NOT MEASURED (window under 2 min)" : verdict(clean))
                        + String.format(
                                Locale.ROOT,
                                " (window %.0f s, %d started, %d failed, %d unfinished, %d skipped)",
                                windowSeconds,
                                started,
                                failed,
                                unfinished(),
                                skipped));
        t.put(
                "p99 journey < 5 s",
                journey.count() == 0
                        ? "NOT MEASURED (no journey completed)"
                        : verdict(journey.p99Ms() < TARGET_P99_MS)
                                + String.format(Locale.ROOT, " (%.0f ms)", journey.p99Ms()));
        double peak = platform == null ? -1 : platform.judgedMb();
        t.put(
                "platform under 3 GB",
                peak < 0
                        ? "NOT MEASURED (no --platform-pid)"
                        : verdict(peak < TARGET_RSS_MB) + memoryNote(platform, peak));
        return t;
    }

    /** What the memory verdict counted: the whole platform (PSS) when it could be read, else less. */
    private static String memoryNote(ProcessSampler.Sample platform, double peak) {
        ProcessSampler.Memory m = platform.memory();
        if (m != null && m.peakPssMb() > 0) {
            return String.format(
                    Locale.ROOT,
                    " (peak PSS %.0f MB of %d processes: the JVM, what it started and %d PostgreSQL processes)",
                    peak,
                    m.processes(),
                    m.postgresProcesses());
        }
        if (m != null && m.peakRssSumMb() > 0) {
            return String.format(
                    Locale.ROOT,
                    " (peak RSS sum %.0f MB of %d processes, %d PostgreSQL; no PSS readable: an upper bound)",
                    peak,
                    m.processes(),
                    m.postgresProcesses());
        }
        return String.format(Locale.ROOT, " (peak RSS %.0f MB of the JVM alone)", peak);
    }

    private String verdict(boolean met) {
        return machine.verdict(met);
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nJourney load against %s (%s), warm-up %s, window %s (%.1f s measured)%n",
                baseUrl,
                mode.equals("max") ? "as fast as possible, concurrency " + concurrency : "open model, " + rate + "/s",
                warmup,
                duration,
                windowSeconds));
        out.append(String.format(
                Locale.ROOT,
                "  journeys      started %d, completed %d, failed %d, unfinished %d, skipped %d"
                        + "  (warm-up: %d started, %d completed, %d failed)%n",
                started,
                completed,
                failed,
                unfinished(),
                skipped,
                warmupStarted,
                warmupCompleted,
                warmupFailed));
        out.append(String.format(
                Locale.ROOT,
                "  throughput    %.2f journeys/s (%d completed within the window); %d HTTP requests%n",
                throughput(),
                completedInWindow,
                requests));
        out.append(String.format(
                Locale.ROOT,
                "%n  %-22s %7s %9s %9s %9s %9s %9s%n",
                "latency (ms)",
                "count",
                "p50",
                "p90",
                "p99",
                "max",
                "mean"));
        steps.forEach((name, s) -> out.append(row(name, s)));
        out.append(row("JOURNEY", journey));
        if (!errors.isEmpty()) {
            out.append("\n  errors by step\n");
            List<String> order = new ArrayList<>(errors.keySet());
            order.sort(Comparator.comparingInt(
                    step -> Journey.STEPS.contains(step) ? Journey.STEPS.indexOf(step) : Journey.STEPS.size()));
            for (String step : order) {
                Results.StepErrors e = errors.get(step);
                e.byKind.forEach(
                        (kind, n) -> out.append(String.format(Locale.ROOT, "    %-22s %5d  %s%n", step, n, kind)));
                e.samples.forEach(s -> out.append("        e.g. ").append(s).append('\n'));
            }
        }
        if (bound != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n  password-hashing bound: %d cores / (hash %.1f ms + verify %.1f ms CPU, BCrypt cost %d,"
                            + " median of %d) = %.2f journeys/s%n",
                    bound.cores(),
                    bound.hashCpuMs(),
                    bound.verifyCpuMs(),
                    bound.cost(),
                    bound.iterations(),
                    bound.journeysPerSecond()));
            out.append(String.format(
                    Locale.ROOT, "  achieved: %.2f journeys/s = %.1f %% of the bound%n", throughput(), ratio() * 100));
        }
        if (platform != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "  platform (pid %d): RSS %.0f MB at the end, peak %.0f MB sampled, high-water mark %.0f MB;"
                            + " %.1f CPU s = %.2f cores on average%n",
                    platform.pid(),
                    platform.rssMb(),
                    platform.peakRssMb(),
                    platform.highWaterMarkMb(),
                    platform.cpuSeconds(),
                    platform.avgCores()));
            ProcessSampler.Memory m = platform.memory();
            if (m != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "  platform as a whole (the JVM, %d processes in all, %d of them PostgreSQL's, found by %s):"
                                + " peak PSS %.0f MB, peak RSS sum %.0f MB (shared pages counted per process);"
                                + " PostgreSQL alone PSS %.0f MB, RSS sum %.0f MB%n",
                        m.processes(),
                        m.postgresProcesses(),
                        m.postgresDataDir(),
                        m.peakPssMb(),
                        m.peakRssSumMb(),
                        m.peakPostgresPssMb(),
                        m.peakPostgresRssSumMb()));
            }
        }
        out.append(String.format(Locale.ROOT, "  load driver: %.1f CPU s%n", driverCpuSeconds));
        out.append("\n  targets (issue #7, full seed journeys)\n");
        targets().forEach((target, v) -> out.append(String.format(Locale.ROOT, "    %-50s %s%n", target, v)));
        out.append("  ").append(machine.line()).append('\n');
        return out.toString();
    }

    private static String row(String name, Summary s) {
        return String.format(
                Locale.ROOT,
                "  %-22s %7d %9.1f %9.1f %9.1f %9.1f %9.1f%n",
                name,
                s.count(),
                s.p50Ms(),
                s.p90Ms(),
                s.p99Ms(),
                s.maxMs(),
                s.meanMs());
    }

    ObjectNode toJson() {
        ObjectNode root = PlatformClient.JSON.createObjectNode();
        root.put("baseUrl", baseUrl);
        root.put("mode", mode);
        if (mode.equals("max")) {
            root.put("concurrency", concurrency);
        } else {
            root.put("ratePerSecond", rate);
        }
        root.put("warmup", warmup.toString());
        root.put("duration", duration.toString());
        root.put("startedAt", startedAt.toString());
        root.put("windowSeconds", round(windowSeconds));
        ObjectNode journeys = root.putObject("journeys");
        journeys.put("started", started);
        journeys.put("completed", completed);
        journeys.put("failed", failed);
        journeys.put("unfinished", unfinished());
        journeys.put("skipped", skipped);
        ObjectNode warm = root.putObject("warmupJourneys");
        warm.put("started", warmupStarted);
        warm.put("completed", warmupCompleted);
        warm.put("failed", warmupFailed);
        root.put("completedInWindow", completedInWindow);
        root.put("throughputPerSecond", round(throughput()));
        root.put("httpRequests", requests);
        root.set("journeyLatencyMs", summary(journey));
        ObjectNode stepsNode = root.putObject("stepLatencyMs");
        steps.forEach((name, s) -> stepsNode.set(name, summary(s)));
        ObjectNode errorsNode = root.putObject("errorsByStep");
        errors.forEach((step, e) -> {
            ObjectNode n = errorsNode.putObject(step);
            n.put("total", e.total());
            ObjectNode kinds = n.putObject("byKind");
            e.byKind.forEach(kinds::put);
            ArrayNode samples = n.putArray("samples");
            e.samples.forEach(samples::add);
        });
        if (bound != null) {
            ObjectNode b = root.putObject("passwordHashingBound");
            b.put("cores", bound.cores());
            b.put("bcryptCost", bound.cost());
            b.put("iterations", bound.iterations());
            b.put("hashCpuMs", round(bound.hashCpuMs()));
            b.put("verifyCpuMs", round(bound.verifyCpuMs()));
            b.put("pairWallMs", round(bound.wallMs()));
            b.put("journeysPerSecond", round(bound.journeysPerSecond()));
            b.put("achievedRatio", round(ratio()));
        }
        if (platform != null) {
            ObjectNode p = root.putObject("platform");
            p.put("pid", platform.pid());
            p.put("rssMb", round(platform.rssMb()));
            p.put("peakRssMb", round(platform.peakRssMb()));
            p.put("highWaterMarkMb", round(platform.highWaterMarkMb()));
            p.put("cpuSeconds", round(platform.cpuSeconds()));
            p.put("avgCores", round(platform.avgCores()));
            ProcessSampler.Memory m = platform.memory();
            if (m != null) {
                ObjectNode whole = p.putObject("wholePlatform");
                whole.put("processes", m.processes());
                whole.put("postgresProcesses", m.postgresProcesses());
                whole.put("postgresFoundBy", m.postgresDataDir());
                whole.put("peakPssMb", round(m.peakPssMb()));
                whole.put("peakRssSumMb", round(m.peakRssSumMb()));
                whole.put("peakPostgresPssMb", round(m.peakPostgresPssMb()));
                whole.put("peakPostgresRssSumMb", round(m.peakPostgresRssSumMb()));
            }
            p.put("judgedMb", round(platform.judgedMb()));
        }
        root.put("loadDriverCpuSeconds", round(driverCpuSeconds));
        root.put("loadAverageAtStart", round(machine.loadAverage()));
        root.put("quietMachine", machine.quiet());
        ObjectNode targets = root.putObject("targets");
        targets().forEach(targets::put);
        return root;
    }

    private static ObjectNode summary(Summary s) {
        ObjectNode n = PlatformClient.JSON.createObjectNode();
        n.put("count", s.count());
        n.put("p50", s.p50Ms());
        n.put("p90", s.p90Ms());
        n.put("p99", s.p99Ms());
        n.put("max", s.maxMs());
        n.put("mean", round(s.meanMs()));
        n.put("min", s.minMs());
        return n;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
