package com.canon.cps.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedFaultsTest {

    static final class TimedOut extends RuntimeException {
        TimedOut(String message) {
            super(message);
        }
    }

    private static SimulatedFaults faults(double failureRate, double timeoutRate, double lostResponseRate) {
        return new SimulatedFaults(
                "party",
                new SimulatedFaults.Settings(
                        Duration.ZERO, false, failureRate, timeoutRate, lostResponseRate, Duration.ZERO),
                new Random(42),
                TimedOut::new);
    }

    @Test
    void ratesZeroAndOne_areCertain() {
        assertThat(faults(0, 0, 0).draw()).isEqualTo(SimulatedFaults.Fault.NONE);
        assertThat(faults(0, 1, 0).draw()).isEqualTo(SimulatedFaults.Fault.TIMEOUT);
        assertThat(faults(1, 0, 0).draw()).isEqualTo(SimulatedFaults.Fault.FAILURE);
        assertThat(faults(0, 0, 0).loseResponse()).isFalse();
        assertThat(faults(0, 0, 1).loseResponse()).isTrue();
    }

    @Test
    void aRate_strikesAboutThatShareOfCalls() {
        SimulatedFaults faults = faults(0.3, 0.2, 0);
        int failures = 0;
        int timeouts = 0;
        for (int i = 0; i < 10_000; i++) {
            switch (faults.draw()) {
                case FAILURE -> failures++;
                case TIMEOUT -> timeouts++;
                case NONE -> {}
            }
        }
        assertThat(failures).isBetween(2_700, 3_300);
        assertThat(timeouts).isBetween(1_700, 2_300);
    }

    @Test
    void aHangingCall_endsInTheSimulatorsTimeout() {
        assertThatThrownBy(() -> faults(0, 1, 0).hangThenTimeOut("timed out (simulated)"))
                .isInstanceOf(TimedOut.class)
                .hasMessage("timed out (simulated)");
    }

    @Test
    void theOutage_switchesAtRuntime() {
        SimulatedFaults faults = faults(0, 0, 0);

        faults.outage(true);

        assertThat(faults.outage()).isTrue();
    }

    @Test
    void ratesOutsideZeroToOne_areRefused() {
        assertThatThrownBy(() -> faults(1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults(0, 0, 0).timeoutRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
