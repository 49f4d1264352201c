package com.canon.cps.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The raw limit beside the journeys (issue #7): a journey needs two adaptive password hashes, one BCrypt hash when the
 * password is set and one BCrypt verification at login, at the platform's cost factor 10. No platform can finish more
 * journeys per second than {@code cores / (CPU time of one hash + CPU time of one verification)}. Measured alone, on
 * one thread, with the thread's own CPU time (the median of the measured pairs, after a few unmeasured ones).
 */
final class HashingBound {

    static final int COST = 10;
    private static final int WARMUP = 3;

    private HashingBound() {}

    /**
     * @param hashCpuMs CPU time of one {@code encode}
     * @param verifyCpuMs CPU time of one {@code matches}
     * @param wallMs wall time of one pair (hash + verify)
     */
    record Result(int cores, int cost, int iterations, double hashCpuMs, double verifyCpuMs, double wallMs) {

        /** Journeys per second that the password hashing alone allows on all cores. */
        double journeysPerSecond() {
            return journeysPerSecond(cores, hashCpuMs + verifyCpuMs);
        }

        static double journeysPerSecond(int cores, double cpuMsPerJourney) {
            return cpuMsPerJourney <= 0 ? 0 : cores * 1000.0 / cpuMsPerJourney;
        }
    }

    static Result measure(int iterations) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(COST);
        String password = "Lumen-Studio-2026-secure";
        for (int i = 0; i < WARMUP; i++) {
            encoder.matches(password, encoder.encode(password));
        }
        long[] hash = new long[iterations];
        long[] verify = new long[iterations];
        long[] wall = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long wall0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            String hashed = encoder.encode(password);
            long cpu1 = threads.getCurrentThreadCpuTime();
            if (!encoder.matches(password, hashed)) {
                throw new IllegalStateException("BCrypt did not verify its own hash");
            }
            long cpu2 = threads.getCurrentThreadCpuTime();
            hash[i] = cpu1 - cpu0;
            verify[i] = cpu2 - cpu1;
            wall[i] = System.nanoTime() - wall0;
        }
        return new Result(
                Runtime.getRuntime().availableProcessors(),
                COST,
                iterations,
                medianMs(hash),
                medianMs(verify),
                medianMs(wall));
    }

    static double medianMs(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1_000_000.0;
    }
}
