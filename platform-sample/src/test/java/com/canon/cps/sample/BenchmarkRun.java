package com.canon.cps.sample;

import com.canon.cps.platform.test.QuietMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Helpers shared by the benchmarks of this module (not a test: the name matches neither {@code *Test} nor
 * {@code *IT}): a closed-loop driver with a warm-up and a measured window, and the result table, whose verdicts follow the quiet-machine rule ({@link QuietMachine}).
 */
final class BenchmarkRun {

    private BenchmarkRun() {}

    /** One client's next operation; returns the number of events it appended (or handled). */
    @FunctionalInterface
    interface Client {
        int call() throws Exception;
    }

    /** What {@link #drive} measured: operations and events completed in the window, and all of them overall. */
    record Rate(String name, long ops, long events, double seconds, long totalOps, long totalEvents) {
        double opsPerSecond() {
            return ops / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * Runs {@code clients} threads, each calling its client back to back: {@code warmup} first (not counted), then
     * {@code window} (counted). Fails if any call failed.
     */
    static Rate drive(String name, int clients, Duration warmup, Duration window, IntFunction<Client> factory)
            throws InterruptedException {
        Rate rate = run(name, clients, warmup, window, factory);
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK %-34s %,10.0f ops/s %,10.0f events/s (%,d ops in %.1f s; %,d ops in all)%n",
                name,
                rate.opsPerSecond(),
                rate.eventsPerSecond(),
                rate.ops(),
                rate.seconds(),
                rate.totalOps());
        return rate;
    }

    /** Runs {@code clients} threads as {@link #drive} does for {@code duration}, all of it warm-up (not counted). */
    static void warmUp(String name, int clients, Duration duration, IntFunction<Client> factory)
            throws InterruptedException {
        Rate rate = run(name, clients, duration, Duration.ZERO, factory);
        System.out.printf(
                Locale.ROOT, "BENCHMARK warm-up %-34s %,d ops in %s (not counted)%n", name, rate.totalOps(), duration);
    }

    private static Rate run(String name, int clients, Duration warmup, Duration window, IntFunction<Client> factory)
            throws InterruptedException {
        AtomicLong ops = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong totalOps = new AtomicLong();
        AtomicLong totalEvents = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Phase state = new Phase(); // 0 warm-up, 1 measured, 2 stop
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = factory.apply(i);
            Thread t = new Thread(
                    () -> {
                        try {
                            while (state.value < 2) {
                                int e = client.call();
                                totalOps.incrementAndGet();
                                totalEvents.addAndGet(e);
                                if (state.value == 1) {
                                    ops.incrementAndGet();
                                    events.addAndGet(e);
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                            state.value = 2;
                        }
                    },
                    name + "-client-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmup.toMillis());
        state.value = 1;
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        state.value = 2;
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": a client failed", failure.get());
        }
        return new Rate(name, ops.get(), events.get(), seconds, totalOps.get(), totalEvents.get());
    }

    /**
     * A clean start for a shut-down processor: its position (every segment) is moved to {@code position}, e.g. the head
     * of the store, so that it handles only what is appended from now on, whatever earlier benchmarks of the same
     * context left behind, or to just before a benchmark's rows, to handle them once more. Returns its lowest position
     * before the move (-1: a segment had handled nothing).
     */
    static long moveTo(TokenStore tokens, TransactionManager transactions, String processor, long position) {
        TrackingToken end = GapAwareTrackingToken.newInstance(position, List.of());
        long[] lowest = {position};
        transactions.executeInTransaction(() -> {
            int[] segments = tokens.fetchSegments(processor);
            if (segments.length == 0) {
                throw new IllegalStateException("the processor " + processor + " has no token yet");
            }
            for (int segment : segments) {
                TrackingToken current = tokens.fetchToken(processor, segment);
                lowest[0] = Math.min(
                        lowest[0], current == null ? -1 : current.position().orElse(-1));
                tokens.storeToken(end, processor, segment);
                tokens.releaseClaim(processor, segment);
            }
        });
        return lowest[0];
    }

    /** The round with the median events/s (of an even number, the lower of the two middle ones). */
    static Rate median(List<Rate> rounds) {
        List<Rate> sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(Rate::eventsPerSecond))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static final class Phase {
        volatile int value;
    }

    /**
     * Prints the result table: one row per comparison, with the load average at the start; on a machine that was not
     * quiet every MET or MISSED becomes INVALID.
     */
    static void table(String title, QuietMachine quiet, List<String[]> rows) {
        rows = rows.stream()
                .map(row -> {
                    String[] copy = row.clone();
                    if (!quiet.quiet() && (copy[6].equals("MET") || copy[6].equals("MISSED"))) {
                        copy[6] = "INVALID";
                    }
                    return copy;
                })
                .toList();
        String[] header = {"figure", "ours", "reference", "reference value", "ratio", "target", "result"};
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out =
                new StringBuilder("\nBENCHMARK RESULT ").append(title).append('\n');
        for (int r = 0; r < all.size(); r++) {
            String[] row = all.get(r);
            out.append("| ");
            for (int i = 0; i < row.length; i++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s | ", row[i]));
            }
            out.append('\n');
            if (r == 0) {
                out.append("|");
                for (int w : widths) {
                    out.append("-".repeat(w + 2)).append('|');
                }
                out.append('\n');
            }
        }
        out.append(quiet.line()).append('\n');
        System.out.println(out);
    }

    /** A row comparing {@code ours} with {@code reference}: met when ours / reference ≥ {@code minRatio}. */
    static String[] ratioRow(
            String figure, double ours, String referenceName, double reference, double minRatio, String target) {
        double ratio = ours / reference;
        return new String[] {
            figure,
            String.format(Locale.ROOT, "%,.0f", ours),
            referenceName,
            String.format(Locale.ROOT, "%,.0f", reference),
            String.format(Locale.ROOT, "%.2f (%.0f %%)", ratio, ratio * 100),
            target,
            ratio >= minRatio ? "MET" : "MISSED"
        };
    }

    /** A row with a ratio that has no target: reported only. */
    static String[] infoRow(String figure, double ours, String referenceName, double reference) {
        String[] row = ratioRow(figure, ours, referenceName, reference, 0, "(none, reported)");
        row[6] = "-";
        return row;
    }

    /** A row for an absolute target: met when {@code ours ≥ min}. */
    static String[] absoluteRow(String figure, double ours, double min, String target) {
        return new String[] {
            figure, String.format(Locale.ROOT, "%,.0f", ours), "-", "-", "-", target, ours >= min ? "MET" : "MISSED"
        };
    }
}
