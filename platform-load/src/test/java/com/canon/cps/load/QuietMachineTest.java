package com.canon.cps.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quiet-machine rule (load average at start at most 0.5) and the lag benchmark's verdict at the target rate. */
class QuietMachineTest {

    private static final QuietMachine QUIET = new QuietMachine(0.3);
    private static final QuietMachine BUSY = new QuietMachine(1.62);

    @Test
    void theOneMinuteLoadAverageIsTheFirstFieldOfProcLoadavg() {
        assertThat(QuietMachine.parse("1.62 1.84 2.55 1/112 26517\n")).isEqualTo(1.62);
        assertThat(QuietMachine.parse("0.00 0.01 0.05 1/80 1")).isZero();
        assertThat(QuietMachine.read()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aboveHalfALoadTheVerdictIsInvalid() {
        assertThat(new QuietMachine(0.5).verdict(true)).isEqualTo("MET");
        assertThat(QUIET.verdict(false)).isEqualTo("MISSED");
        assertThat(new QuietMachine(0.51).verdict(true)).isEqualTo("INVALID");
        assertThat(BUSY.verdict(false)).isEqualTo("INVALID");
        assertThat(new QuietMachine(Double.NaN).quiet()).isFalse();
        assertThat(BUSY.line()).startsWith("INVALID: load average at start 1.62 (1 minute) > 0.5");
        assertThat(QUIET.line()).startsWith("load average at start 0.30");
    }

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
