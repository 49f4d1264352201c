package com.canon.cps.platform.test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The quiet-machine rule of every benchmark (issue #19, BENCHMARKS.md): the machine's 1-minute load average is read
 * before the benchmark starts and printed and written with its result. Above {@value #MAX_LOAD} something else used the
 * cores (a build, a test JVM, another benchmark), the figures are not comparable with a quiet run's, and the run gets
 * no MET/MISSED verdict: {@link #verdict} says INVALID.
 *
 * <p>The one copy of the rule: {@code platform-sample}'s focused benchmarks use it from their tests, {@code
 * platform-load} (journey load, {@code lag}, {@code portal}) from its main code. It uses the JDK only, so {@code
 * platform-load} depends on this module without any of its dependencies.
 *
 * @param loadAverage the first field of {@code /proc/loadavg} (else the JVM's view of it); NaN when it could not be
 *     read (then never quiet)
 */
public record QuietMachine(double loadAverage) {

    /** The highest 1-minute load average at which a benchmark's verdicts count. */
    public static final double MAX_LOAD = 0.5;

    /** Reads the load average now (call it right before the benchmark starts). */
    public static QuietMachine atStart() {
        return new QuietMachine(read());
    }

    /**
     * Reads and prints the load average before a benchmark starts, after waiting for it to settle: the test JVM's own
     * start and the benchmark before it in the same Maven run leave the 1-minute average high for minutes. Waits
     * until it is at most {@value #MAX_LOAD}, at most {@code benchmark.settle-seconds} (system property, default
     * 240: from a saturated 2-core machine, load 16, it takes about 210 s), and gives up early (after 30 s) when it
     * does not fall as on an idle machine (by e<sup>-t/60 s</sup>, + 1): then something else runs and the run is
     * INVALID anyway.
     */
    public static QuietMachine afterSettling(String benchmark) throws InterruptedException {
        long start = System.nanoTime();
        long max = TimeUnit.SECONDS.toNanos(Integer.getInteger("benchmark.settle-seconds", 240));
        double first = read();
        double load = first;
        while (!(load <= MAX_LOAD) && System.nanoTime() - start < max) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds >= 30 && load > idleDecay(first, seconds) + 1) {
                break; // not falling as on an idle machine: other work
            }
            Thread.sleep(5_000);
            load = read();
        }
        QuietMachine quiet = new QuietMachine(load);
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK %s: %s (%.2f when it was ready, %.0f s waited for it to settle)%n",
                benchmark,
                quiet.line(),
                first,
                (System.nanoTime() - start) / 1e9);
        return quiet;
    }

    /** The 1-minute load average now ({@code /proc/loadavg}, else the JVM's view of it; NaN if neither tells). */
    public static double read() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            double jvm = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return jvm < 0 ? Double.NaN : jvm;
        }
    }

    /** The 1-minute figure: the first field of {@code /proc/loadavg} ("0.42 0.30 0.25 1/123 4567"). */
    public static double parse(String procLoadavg) {
        return Double.parseDouble(procLoadavg.trim().split("\\s+")[0]);
    }

    /** The 1-minute load average {@code seconds} after {@code load} on a machine with nothing running. */
    public static double idleDecay(double load, double seconds) {
        return load * Math.exp(-seconds / 60);
    }

    /** At most {@value #MAX_LOAD}: nothing else was running, the verdicts count. */
    public boolean quiet() {
        return loadAverage <= MAX_LOAD;
    }

    /** MET or MISSED on a quiet machine; INVALID otherwise. */
    public String verdict(boolean met) {
        return !quiet() ? "INVALID" : met ? "MET" : "MISSED";
    }

    /** The line printed (and written) with the result. */
    public String line() {
        return quiet()
                ? String.format(
                        Locale.ROOT,
                        "load average at start %.2f (1 minute, <= %.1f: quiet, the verdicts count)",
                        loadAverage,
                        MAX_LOAD)
                : String.format(
                        Locale.ROOT,
                        "INVALID: load average at start %.2f (1 minute) > %.1f: the machine was not quiet, so no"
                                + " MET/MISSED verdict; the figures are information only, rerun on a quiet machine",
                        loadAverage,
                        MAX_LOAD);
    }
}
