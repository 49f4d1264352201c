package com.canon.cps.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.local.LocalOptions;
import com.canon.cps.local.LocalPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The load driver against the whole platform started in-process as {@code ./cps-local} starts it (ports offset by
 * 5000, apart from the other test platforms and with PostgreSQL's and Kafka's ports below the kernel's ephemeral
 * range): three full seed journeys, two at a time, all completed, and the report written as JSON.
 */
class JourneyLoadIT {

    @TempDir
    Path dir;

    @Test
    void threeFullSeedJourneysTwoAtATime() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(new LocalOptions(dir.resolve("platform"), false, 5000))) {
            Path reportFile = dir.resolve("report.json");
            // the in-process platform's PostgreSQL, detached by pg_ctl: the first line of its postmaster.pid
            String postmaster = Files.readAllLines(dir.resolve("platform/postgres/postmaster.pid"))
                    .get(0)
                    .strip();
            LoadReport report = JourneyLoad.run(LoadOptions.parse(List.of(
                    "--base-url",
                    "http://127.0.0.1:" + platform.entryPointPort(),
                    "--max",
                    "--concurrency",
                    "2",
                    "--journeys",
                    "3",
                    "--warmup",
                    "PT0S",
                    "--duration",
                    "PT5M",
                    "--bound-iterations",
                    "2",
                    "--platform-pid",
                    Long.toString(ProcessHandle.current().pid()),
                    "--postgres-pid",
                    postmaster,
                    "--report",
                    reportFile.toString())));

            assertThat(report.errors()).as("errors by step").isEmpty();
            assertThat(report.started()).isEqualTo(3);
            assertThat(report.completed()).isEqualTo(3);
            assertThat(report.failed()).isZero();
            assertThat(report.unfinished()).isZero();
            assertThat(report.completedInWindow()).isEqualTo(3);
            assertThat(report.throughput()).isPositive();
            assertThat(report.journey().count()).isEqualTo(3);
            report.steps().forEach((step, s) -> assertThat(s.count()).as(step).isEqualTo(3));
            assertThat(report.bound().journeysPerSecond()).isPositive();
            assertThat(report.platform().peakRssMb()).isPositive();
            // the whole platform: the JVM and PostgreSQL's processes, judged on their PSS sum
            assertThat(report.platform().memory().postgresProcesses()).isGreaterThan(1);
            assertThat(report.platform().memory().peakPostgresRssSumMb()).isPositive();
            assertThat(report.platform().judgedMb()).isPositive();

            JsonNode json = PlatformClient.JSON.readTree(Files.readString(reportFile));
            assertThat(json.path("journeys").path("completed").asLong()).isEqualTo(3);
            assertThat(json.path("journeyLatencyMs").path("p99").asDouble()).isPositive();
            assertThat(json.path("passwordHashingBound").path("achievedRatio").asDouble())
                    .isPositive();
        }
    }
}
