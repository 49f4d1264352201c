package com.canon.cps.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of {@link JourneyLoad}.
 *
 * @param rate journeys started per second (open model); ignored with {@code max}
 * @param max as fast as possible: {@code concurrency} journeys back to back (closed model)
 * @param journeys stop starting journeys after this many (warm-up ones included); 0 = no limit
 * @param boundIterations hash + verify pairs measured for the password-hashing bound; 0 skips it
 * @param platformPid the platform's process, sampled for memory and CPU time (Linux {@code /proc}) with every process
 *     it started and its PostgreSQL; 0 = none
 * @param postgresPid the platform's PostgreSQL postmaster, counted with its backends; 0 = found by the platform's data
 *     directory
 */
public record LoadOptions(
        String baseUrl,
        double rate,
        boolean max,
        int concurrency,
        Duration duration,
        Duration warmup,
        int journeys,
        Duration stepTimeout,
        Duration pollInterval,
        Duration drainTimeout,
        int maxInFlight,
        int boundIterations,
        long platformPid,
        long postgresPid,
        Path report,
        boolean help) {

    static final String USAGE = """
            Usage: java -jar platform-load/target/platform-load.jar [options]

            Runs full seed journeys (apply with an evidence PDF, verified by policy, password link from /dev/mail,
            set password, log in, two products to 580 points, invited, checkout Silver by card, invoice, active)
            against a running platform's entry point, and measures the password-hashing bound beside it.

              --base-url URL        the entry point (default http://localhost:8080, as ./cps-local starts it)
              --rate R              start R journeys per second on a fixed schedule (open model; default 1)
              --max                 as fast as possible instead: --concurrency journeys back to back
              --concurrency N       journeys in flight with --max (default 4)
              --duration PT2M       the measured window (default PT1M)
              --warmup PT20S        journeys started before the window are not counted (default PT20S)
              --journeys N          start at most N journeys in all (default: no limit)
              --step-timeout PT60S  how long a waiting step (mail, invitation, invoice, active) may take
              --poll-interval PT0.05S  first interval of a waiting step's polls (then x1.5, at most 10x)
              --drain-timeout PT2M  how long to wait for journeys in flight after the window
              --max-in-flight N     open model: a start due while N journeys are in flight is skipped (default 2000)
              --bound-iterations N  hash + verify pairs for the password-hashing bound (default 20; 0 skips it)
              --platform-pid PID    sample the platform's memory (the JVM, every process it started, and its
                                    PostgreSQL processes) and the JVM's CPU time (Linux)
              --postgres-pid PID    the platform's PostgreSQL postmaster (default: the postgres processes working
                                    in the platform's --data-dir, read from its command line)
              --report FILE         also write the report as JSON
              --help                show this help
            """;

    private static final Set<String> VALUE_OPTIONS = Set.of(
            "--base-url",
            "--rate",
            "--concurrency",
            "--duration",
            "--warmup",
            "--journeys",
            "--step-timeout",
            "--poll-interval",
            "--drain-timeout",
            "--max-in-flight",
            "--bound-iterations",
            "--platform-pid",
            "--postgres-pid",
            "--report");

    static LoadOptions defaults() {
        return new LoadOptions(
                "http://localhost:8080",
                1.0,
                false,
                4,
                Duration.ofMinutes(1),
                Duration.ofSeconds(20),
                0,
                Duration.ofSeconds(60),
                Duration.ofMillis(50),
                Duration.ofMinutes(2),
                2000,
                20,
                0,
                0,
                null,
                false);
    }

    public static LoadOptions parse(List<String> args) {
        LoadOptions d = defaults();
        String baseUrl = d.baseUrl;
        double rate = d.rate;
        boolean max = d.max;
        int concurrency = d.concurrency;
        Duration duration = d.duration;
        Duration warmup = d.warmup;
        int journeys = d.journeys;
        Duration stepTimeout = d.stepTimeout;
        Duration pollInterval = d.pollInterval;
        Duration drainTimeout = d.drainTimeout;
        int maxInFlight = d.maxInFlight;
        int boundIterations = d.boundIterations;
        long platformPid = d.platformPid;
        long postgresPid = d.postgresPid;
        Path report = d.report;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--max" -> max = true;
                case "--help", "-h" -> help = true;
                default -> {
                    if (!VALUE_OPTIONS.contains(arg)) {
                        throw new IllegalArgumentException("Unknown option " + arg + "\n\n" + USAGE);
                    }
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(arg + " needs a value\n\n" + USAGE);
                        }
                        value = args.get(++i);
                    }
                    try {
                        switch (arg) {
                            case "--base-url" ->
                                baseUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                            case "--rate" -> rate = positive(Double.parseDouble(value), arg);
                            case "--concurrency" -> concurrency = (int) positive(Integer.parseInt(value), arg);
                            case "--duration" -> duration = positive(Duration.parse(value), arg);
                            case "--warmup" -> warmup = notNegative(Duration.parse(value), arg);
                            case "--journeys" -> journeys = Integer.parseInt(value);
                            case "--step-timeout" -> stepTimeout = positive(Duration.parse(value), arg);
                            case "--poll-interval" -> pollInterval = positive(Duration.parse(value), arg);
                            case "--drain-timeout" -> drainTimeout = notNegative(Duration.parse(value), arg);
                            case "--max-in-flight" -> maxInFlight = (int) positive(Integer.parseInt(value), arg);
                            case "--bound-iterations" -> boundIterations = Integer.parseInt(value);
                            case "--platform-pid" -> platformPid = Long.parseLong(value);
                            case "--postgres-pid" -> postgresPid = Long.parseLong(value);
                            case "--report" -> report = Path.of(value);
                            default -> throw new IllegalArgumentException("Unknown option " + arg + "\n\n" + USAGE);
                        }
                    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException(
                                "Bad value for " + arg + ": " + value + " (durations as PT2M, PT20S)\n\n" + USAGE);
                    }
                }
            }
        }
        return new LoadOptions(
                baseUrl,
                rate,
                max,
                concurrency,
                duration,
                warmup,
                journeys,
                stepTimeout,
                pollInterval,
                drainTimeout,
                maxInFlight,
                boundIterations,
                platformPid,
                postgresPid,
                report,
                help);
    }

    private static double positive(double value, String option) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static Duration positive(Duration value, String option) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static Duration notNegative(Duration value, String option) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(option + " must not be negative");
        }
        return value;
    }
}
