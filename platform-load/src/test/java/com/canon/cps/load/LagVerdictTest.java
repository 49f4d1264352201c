package com.canon.cps.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.QuietMachine;
import org.junit.jupiter.api.Test;

/** The lag benchmark's verdict: only at the target rate (200 events/s ± 5 %) and on a quiet machine. */
class LagVerdictTest {

    private static final QuietMachine QUIET = new QuietMachine(0.3);
    private static final QuietMachine BUSY = new QuietMachine(1.62);

    @Test
    void theLagBenchmarkJudgesOnlyARunAtTheTargetRate() {
        // 25 applications/s x 8 events = 200 events/s: a verdict
        assertThat(LagBenchmark.verdict(200, 0.246, QUIET)).isEqualTo("MET");
        assertThat(LagBenchmark.verdict(190, 0.25, QUIET)).isEqualTo("MISSED");
        assertThat(LagBenchmark.verdict(210, 0.1, QUIET)).isEqualTo("MET");
        // any other rate: information only, whatever the latency
        assertThat(LagBenchmark.verdict(38, 0.246, QUIET)).startsWith("no verdict: 38.0 events/s is not the target");
        assertThat(LagBenchmark.verdict(1600, 20, QUIET)).startsWith("no verdict");
        assertThat(LagBenchmark.verdict(189.9, 0.1, QUIET)).startsWith("no verdict");
        assertThat(LagBenchmark.verdict(Double.NaN, 0.1, QUIET)).startsWith("no verdict");
        // at the target rate on a busy machine: invalid
        assertThat(LagBenchmark.verdict(200, 0.1, BUSY)).startsWith("INVALID (load average at start 1.62");
    }
}
