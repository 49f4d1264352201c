package com.canon.cps.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.QuietMachine;
import com.canon.cps.sample.BenchmarkRun.Rate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' shared rules: the quiet-machine verdicts and the median of the rounds. */
class BenchmarkRunTest {

    @Test
    void aboveHalfALoadAtTheStartEveryVerdictOfTheTableIsInvalid() {
        String busy = printed(() -> BenchmarkRun.table(
                "t",
                new QuietMachine(6.3),
                List.of(
                        BenchmarkRun.ratioRow("a", 3, "raw", 1, 1.5, ">= 1.5 x"),
                        BenchmarkRun.ratioRow("b", 1, "raw", 1, 1.5, ">= 1.5 x"),
                        BenchmarkRun.infoRow("c", 1, "raw", 1))));
        assertThat(busy).doesNotContain("| MET").doesNotContain("MISSED |").contains("| INVALID |");
        assertThat(busy).contains("INVALID: load average at start 6.30 (1 minute) > 0.5");

        String quiet = printed(() -> BenchmarkRun.table(
                "t",
                new QuietMachine(0.1),
                List.of(
                        BenchmarkRun.ratioRow("a", 3, "raw", 1, 1.5, ">= 1.5 x"),
                        BenchmarkRun.ratioRow("b", 1, "raw", 1, 1.5, ">= 1.5 x"))));
        assertThat(quiet).contains("| MET ").contains("| MISSED |").doesNotContain("INVALID");
        assertThat(quiet).contains("load average at start 0.10");
    }

    @Test
    void theFigureOfAContenderIsTheMedianOfItsRounds() {
        List<Rate> rounds = List.of(rate(900), rate(1_500), rate(1_200));
        assertThat(BenchmarkRun.median(rounds).eventsPerSecond()).isEqualTo(1_200);
        assertThat(BenchmarkRun.median(List.of(rate(5), rate(1))).eventsPerSecond())
                .isEqualTo(1);
    }

    private static Rate rate(long events) {
        return new Rate("r", events, events, 1, events, events);
    }

    private static String printed(Runnable r) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
