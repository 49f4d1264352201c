package com.canon.cps.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.canon.cps.platform.test.QuietMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The percentile, throughput, bound and ratio arithmetic of the report, and its text and JSON. */
class LoadReportTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final QuietMachine QUIET = new QuietMachine(0.2);

    @Test
    void percentilesOfOneToOneThousandMilliseconds() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 1000; ms >= 1; ms--) {
            stats.record(ms * MS);
        }
        LatencyStats.Summary s = stats.summary();
        assertThat(s.count()).isEqualTo(1000);
        // HdrHistogram with 3 significant digits: within 0.1 %
        assertThat(s.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(s.p90Ms()).isCloseTo(900, within(0.9));
        assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(s.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(s.minMs()).isCloseTo(1, within(0.001));
        assertThat(s.meanMs()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void oneSlowValueShowsInP99AndMaxOnly() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 99; i++) {
            stats.record(100 * MS);
        }
        stats.record(7 * S);
        LatencyStats.Summary s = stats.summary();
        assertThat(s.p50Ms()).isCloseTo(100, within(0.1));
        assertThat(s.p90Ms()).isCloseTo(100, within(0.1));
        assertThat(s.p99Ms()).isCloseTo(100, within(0.1));
        assertThat(s.maxMs()).isCloseTo(7000, within(7.0));
    }

    @Test
    void emptyStatsAreZeroAndHugeValuesAreCapped() {
        assertThat(new LatencyStats().summary()).isEqualTo(new LatencyStats.Summary(0, 0, 0, 0, 0, 0, 0));
        LatencyStats stats = new LatencyStats();
        stats.record(Duration.ofHours(5).toNanos());
        stats.record(-5);
        assertThat(stats.summary().maxMs()).isCloseTo(3_600_000, within(3_600.0));
        assertThat(stats.summary().minMs()).isZero();
    }

    @Test
    void boundIsCoresOverTheCpuTimeOfTheTwoHashes() {
        assertThat(HashingBound.Result.journeysPerSecond(2, 160)).isCloseTo(12.5, within(1e-9));
        assertThat(new HashingBound.Result(2, 10, 5, 50, 50, 101).journeysPerSecond())
                .isCloseTo(20, within(1e-9));
        assertThat(HashingBound.Result.journeysPerSecond(2, 0)).isZero();
        assertThat(HashingBound.medianMs(new long[] {3 * MS, 1 * MS, 2 * MS})).isEqualTo(2.0);
        assertThat(HashingBound.medianMs(new long[] {4 * MS, 1 * MS, 2 * MS, 3 * MS}))
                .isEqualTo(2.5);
    }

    @Test
    void throughputCountsCompletionsWithinTheWindowWhateverTheirStart() {
        Results results = new Results(Journey.STEPS);
        long windowStart = 10 * S;
        long windowEnd = 20 * S;
        // a warm-up journey that completes within the window counts in the throughput, not in the latencies
        results.journeyStarted(false);
        results.journeyCompleted(4 * S, 11 * S, false);
        // measured journeys: two within the window (one exactly at its end), one completing after it (drain)
        for (long end : List.of(15 * S, 20 * S, 21 * S)) {
            results.journeyStarted(true);
            results.journeyCompleted(2 * S, end, true);
        }
        // one warm-up journey completes before the window: counts nowhere
        results.journeyStarted(false);
        results.journeyCompleted(1 * S, 9 * S, false);
        results.journeyStarted(true);
        results.journeyFailed(true);
        results.journeyStarted(true); // still unfinished
        results.skipped();

        LoadReport report = report(results, windowStart, windowEnd, new HashingBound.Result(2, 10, 20, 60, 60, 121));

        assertThat(report.windowSeconds()).isEqualTo(10.0);
        assertThat(report.completedInWindow()).isEqualTo(3);
        assertThat(report.throughput()).isCloseTo(0.3, within(1e-9));
        assertThat(report.started()).isEqualTo(5);
        assertThat(report.completed()).isEqualTo(3);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.unfinished()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.warmupStarted()).isEqualTo(2);
        assertThat(report.warmupCompleted()).isEqualTo(2);
        assertThat(report.journey().count()).isEqualTo(3);
        assertThat(report.journey().p50Ms()).isCloseTo(2000, within(2.0));
        // bound = 2 cores / 120 ms = 16.67 journeys/s; 0.3 / 16.67 = 1.8 %
        assertThat(report.bound().journeysPerSecond()).isCloseTo(16.667, within(0.001));
        assertThat(report.ratio()).isCloseTo(0.018, within(1e-9));
        assertThat(report.targets())
                .containsEntry("throughput >= 50 % of the password-hashing bound", "MISSED (1.8 %)")
                .hasEntrySatisfying("p99 journey < 5 s", v -> assertThat(v).matches("MET \\(200[01] ms\\)"))
                .containsEntry("platform under 3 GB", "NOT MEASURED (no --platform-pid)");
        assertThat(report.targets().get("sustained for 2 minutes, every journey completed"))
                .startsWith("MISSED");
    }

    @Test
    void targetsMetWhenFastEnoughCleanLongEnoughAndSmall() {
        Results results = new Results(Journey.STEPS);
        for (int i = 1; i <= 1200; i++) {
            results.journeyStarted(true);
            results.journeyCompleted(3 * S, i * 100 * MS, true);
        }
        LoadOptions options = LoadOptions.parse(List.of("--rate", "10", "--duration", "PT2M"));
        LoadReport report = LoadReport.of(
                options,
                Instant.EPOCH,
                results,
                0,
                120 * S,
                new HashingBound.Result(2, 10, 20, 50, 50, 100),
                new ProcessSampler.Sample(
                        42, 1000, 1100, 1200, 100, 0.8, new ProcessSampler.Memory(80, 76, "/d", 3000, 2200, 1700, 900)),
                10,
                1000,
                QUIET);
        assertThat(report.throughput()).isCloseTo(10, within(1e-9));
        assertThat(report.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(report.targets().values()).allMatch(v -> v.startsWith("MET"), "all met");

        LoadReport shortRun = LoadReport.of(
                LoadOptions.parse(List.of("--rate", "10", "--duration", "PT1M")),
                Instant.EPOCH,
                results,
                0,
                60 * S,
                null,
                null,
                10,
                1000,
                QUIET);
        assertThat(shortRun.targets().get("sustained for 2 minutes, every journey completed"))
                .startsWith("NOT MEASURED (window under 2 min)");
    }

    @Test
    void theMemoryTargetCountsTheWholePlatformNotOnlyTheJvm() {
        Results results = new Results(Journey.STEPS);
        for (int i = 1; i <= 1200; i++) {
            results.journeyStarted(true);
            results.journeyCompleted(3 * S, i * 100 * MS, true);
        }
        // the JVM alone 1.1 GB (under 3 GB), with PostgreSQL's 76 processes 3.2 GB PSS: missed
        LoadReport report = LoadReport.of(
                LoadOptions.parse(List.of("--rate", "10", "--duration", "PT2M", "--postgres-pid", "7")),
                Instant.EPOCH,
                results,
                0,
                120 * S,
                null,
                new ProcessSampler.Sample(
                        42,
                        1000,
                        1100,
                        1200,
                        100,
                        0.8,
                        new ProcessSampler.Memory(80, 76, "/d", 4000, 3200, 2900, 2100)),
                10,
                1000,
                QUIET);
        assertThat(LoadOptions.parse(List.of("--postgres-pid", "7")).postgresPid())
                .isEqualTo(7);
        assertThat(report.targets().get("platform under 3 GB"))
                .startsWith("MISSED (peak PSS 3200 MB of 80 processes")
                .contains("76 PostgreSQL processes");
        assertThat(report.toText()).contains("peak PSS 3200 MB, peak RSS sum 4000 MB");
        assertThat(report.toJson()
                        .path("platform")
                        .path("wholePlatform")
                        .path("postgresProcesses")
                        .asInt())
                .isEqualTo(76);
        // no PSS readable: the RSS sum (an upper bound); nothing of the tree: the JVM alone
        assertThat(new ProcessSampler.Sample(1, 1, 1, 1, 0, 0, new ProcessSampler.Memory(3, 2, "/d", 2500, -1, 1, -1))
                        .judgedMb())
                .isEqualTo(2500);
        assertThat(new ProcessSampler.Sample(1, 1000, 1100, 1200, 0, 0, null).judgedMb())
                .isEqualTo(1200);
    }

    @Test
    void theSamplerFindsTheDataDirectoryAndReadsProcFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(ProcessSampler.dataDirArgument(new String[] {"java", "-jar", "x.jar", "--data-dir", "/tmp/d"}))
                .isEqualTo("/tmp/d");
        assertThat(ProcessSampler.dataDirArgument(new String[] {"java", "--port-offset", "1", "--data-dir=/tmp/e"}))
                .isEqualTo("/tmp/e");
        assertThat(ProcessSampler.dataDirArgument(new String[] {"java", "-jar", "x.jar"}))
                .isEqualTo(".cps-local");
        java.nio.file.Path status = dir.resolve("status");
        java.nio.file.Files.writeString(status, "Name:\tpostgres\nVmHWM:\t  2048 kB\nVmRSS:\t   1024 kB\n");
        assertThat(ProcessSampler.kb(status, "VmRSS:")).isEqualTo(1024);
        assertThat(ProcessSampler.kb(status, "Pss:")).isEqualTo(-1);
        assertThat(ProcessSampler.kb(dir.resolve("gone"), "VmRSS:")).isEqualTo(-1);
    }

    @Test
    void theSamplerCountsALiveProcessTree() {
        ProcessSampler sampler = new ProcessSampler(ProcessHandle.current().pid(), 0);
        sampler.start();
        ProcessSampler.Sample sample = sampler.stop();
        assertThat(sample.peakRssMb()).isPositive();
        assertThat(sample.memory().processes()).isPositive();
        assertThat(sample.memory().peakRssSumMb()).isGreaterThanOrEqualTo(sample.peakRssMb() * 0.5);
        assertThat(sample.judgedMb()).isPositive();
    }

    @Test
    void onABusyMachineEveryVerdictIsInvalidAndSaysWhy() {
        Results results = new Results(Journey.STEPS);
        for (int i = 1; i <= 1200; i++) {
            results.journeyStarted(true);
            results.journeyCompleted(3 * S, i * 100 * MS, true);
        }
        LoadReport report = LoadReport.of(
                LoadOptions.parse(List.of("--rate", "10", "--duration", "PT2M")),
                Instant.EPOCH,
                results,
                0,
                120 * S,
                new HashingBound.Result(2, 10, 20, 50, 50, 100),
                null,
                10,
                1000,
                new QuietMachine(0.51));
        assertThat(report.targets())
                .containsEntry("throughput >= 50 % of the password-hashing bound", "INVALID (50.0 %)")
                .containsEntry("platform under 3 GB", "NOT MEASURED (no --platform-pid)");
        assertThat(report.targets().values()).noneMatch(v -> v.startsWith("MET") || v.startsWith("MISSED"));
        assertThat(report.toText()).contains("INVALID: load average at start 0.51 (1 minute) > 0.5");
        assertThat(report.toJson().path("loadAverageAtStart").asDouble()).isEqualTo(0.51);
        assertThat(report.toJson().path("quietMachine").asBoolean()).isFalse();
    }

    @Test
    void errorsAreCountedByStepAndKindWithAFewSamplesAndWarmupErrorsLeftOut() {
        Results results = new Results(Journey.STEPS);
        for (int i = 0; i < 5; i++) {
            results.stepFailed(Journey.CHECKOUT, "HTTP 500 (expected 201)", "HTTP 500: boom " + i, true);
        }
        results.stepFailed(Journey.CHECKOUT, "HTTP 409 (expected 201)", "HTTP 409: again", true);
        results.stepFailed(Journey.AWAIT_INVITED, "timed out waiting for membership INVITED", null, true);
        results.stepFailed(Journey.LOGIN, "HTTP 401 (expected 200)", "warm-up", false);
        results.stepDone(Journey.LOGIN, 80 * MS, true);
        results.stepDone(Journey.LOGIN, 999 * MS, false);

        LoadReport report = report(results, 0, S, null);

        assertThat(report.errors()).containsOnlyKeys(Journey.CHECKOUT, Journey.AWAIT_INVITED);
        Results.StepErrors checkout = report.errors().get(Journey.CHECKOUT);
        assertThat(checkout.total()).isEqualTo(6);
        assertThat(checkout.byKind)
                .containsEntry("HTTP 500 (expected 201)", 5L)
                .containsEntry("HTTP 409 (expected 201)", 1L);
        assertThat(checkout.samples).containsExactly("HTTP 500: boom 0", "HTTP 500: boom 1", "HTTP 500: boom 2");
        assertThat(report.steps().get(Journey.LOGIN).count()).isEqualTo(1);
        assertThat(report.steps().get(Journey.LOGIN).maxMs()).isCloseTo(80, within(0.1));
        assertThat(report.steps()).containsOnlyKeys(Journey.STEPS);
        assertThat(report.ratio()).isNaN();
        assertThat(report.toText())
                .contains("errors by step", "HTTP 500 (expected 201)", "timed out waiting for membership INVITED");
        assertThat(report.toText().indexOf("await-invited"))
                .isLessThan(report.toText().lastIndexOf("checkout "));
    }

    @Test
    void jsonHasTheCountsPercentilesErrorsBoundAndTargets() {
        Results results = new Results(Journey.STEPS);
        results.journeyStarted(true);
        results.stepDone(Journey.APPLY, 40 * MS, true);
        results.journeyCompleted(1500 * MS, 2 * S, true);
        results.stepFailed(Journey.CHECKOUT, "HTTP 500 (expected 201)", "HTTP 500: boom", true);

        JsonNode json = report(results, 0, 4 * S, new HashingBound.Result(2, 10, 20, 60, 60, 121))
                .toJson();

        assertThat(json.path("mode").asString()).isEqualTo("rate");
        assertThat(json.path("ratePerSecond").asDouble()).isEqualTo(2.0);
        assertThat(json.path("journeys").path("started").asLong()).isEqualTo(1);
        assertThat(json.path("journeys").path("completed").asLong()).isEqualTo(1);
        assertThat(json.path("journeys").path("failed").asLong()).isZero();
        assertThat(json.path("throughputPerSecond").asDouble()).isEqualTo(0.25);
        assertThat(json.path("journeyLatencyMs").path("p99").asDouble()).isCloseTo(1500, within(1.5));
        assertThat(json.path("stepLatencyMs").path("apply").path("p50").asDouble())
                .isCloseTo(40, within(0.04));
        assertThat(json.path("stepLatencyMs").path("checkout").path("count").asLong())
                .isZero();
        assertThat(json.path("errorsByStep")
                        .path("checkout")
                        .path("byKind")
                        .path("HTTP 500 (expected 201)")
                        .asLong())
                .isEqualTo(1);
        assertThat(json.path("passwordHashingBound").path("journeysPerSecond").asDouble())
                .isCloseTo(16.667, within(0.001));
        assertThat(json.path("passwordHashingBound").path("achievedRatio").asDouble())
                .isCloseTo(0.015, within(0.001));
        assertThat(json.path("targets").size()).isEqualTo(4);
    }

    @Test
    void optionsParseWithDefaultsAndRefuseNonsense() {
        LoadOptions d = LoadOptions.parse(List.of());
        assertThat(d.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(d.max()).isFalse();
        assertThat(d.warmup()).isEqualTo(Duration.ofSeconds(20));
        LoadOptions o = LoadOptions.parse(List.of(
                "--base-url=http://127.0.0.1:31080/",
                "--max",
                "--concurrency",
                "2",
                "--duration",
                "PT2M",
                "--warmup",
                "PT0S",
                "--journeys",
                "3",
                "--report",
                "out.json"));
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:31080");
        assertThat(o.max()).isTrue();
        assertThat(o.concurrency()).isEqualTo(2);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.warmup()).isZero();
        assertThat(o.journeys()).isEqualTo(3);
        assertThat(o.report()).hasToString("out.json");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate", "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "2m"))).hasMessageContaining("PT2M");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--bogus"))).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate"))).hasMessageContaining("needs a value");
    }

    private static LoadReport report(Results results, long windowStart, long windowEnd, HashingBound.Result bound) {
        LoadOptions options = LoadOptions.parse(List.of("--rate", "2", "--duration", "PT10S"));
        return LoadReport.of(options, Instant.EPOCH, results, windowStart, windowEnd, bound, null, 1.5, 42, QUIET);
    }
}
