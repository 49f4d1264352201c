package com.canon.cps.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's 1-minute load average before a benchmark starts, printed with its result. Above {@value #MAX_LOAD}
 * something else used the cores (a build, a test JVM, another benchmark), the figures are not comparable with a quiet
 * run's, and the run gets no MET/MISSED verdict: {@link #verdict} says INVALID. Shared by the journey load, {@code
 * lag} and {@code portal}.
 *
 * @param loadAverage the first field of {@code /proc/loadavg}; NaN when it could not be read (then never quiet)
 */
record QuietMachine(double loadAverage) {

    static final double MAX_LOAD = 0.5;

    /** Reads the load average now (call it before the benchmark starts). */
    static QuietMachine atStart() {
        return new QuietMachine(read());
    }

    static double read() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            double jvm = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return jvm < 0 ? Double.NaN : jvm;
        }
    }

    /** The 1-minute figure: the first field of {@code /proc/loadavg} ("0.42 0.30 0.25 1/123 4567"). */
    static double parse(String procLoadavg) {
        return Double.parseDouble(procLoadavg.trim().split("\\s+")[0]);
    }

    /** At most {@value #MAX_LOAD}: nothing else was running. */
    boolean quiet() {
        return loadAverage <= MAX_LOAD;
    }

    /** MET or MISSED on a quiet machine; INVALID otherwise. */
    String verdict(boolean met) {
        return !quiet() ? "INVALID" : met ? "MET" : "MISSED";
    }

    /** The line printed with the result. */
    String line() {
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
