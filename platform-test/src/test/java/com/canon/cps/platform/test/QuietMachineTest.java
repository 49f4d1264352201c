package com.canon.cps.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The quiet-machine rule: a verdict only at a 1-minute load average of at most 0.5 at the start. */
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
    void onAnIdleMachineTheOneMinuteAverageFallsByEOverAMinute() {
        assertThat(QuietMachine.idleDecay(16, 0)).isEqualTo(16);
        assertThat(QuietMachine.idleDecay(16, 60)).isCloseTo(16 / Math.E, within(1e-9));
        // from 16 (a saturated append) to 0.5 takes about 3.5 minutes
        assertThat(QuietMachine.idleDecay(16, 208)).isLessThan(0.5);
        assertThat(QuietMachine.idleDecay(16, 200)).isGreaterThan(0.5);
    }
}
