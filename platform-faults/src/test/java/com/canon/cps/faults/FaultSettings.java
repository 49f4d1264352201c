package com.canon.cps.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The suite's parameters, from system properties ({@code -Dfaults.kills=20} on the Maven command line). The defaults
 * are the bounded CI run (every shape, a few faults each); README/BENCHMARKS document the full run.
 *
 * @param shape how the platform runs: as {@code ./cps-local} does (everything in one process) or with the servers apart
 * @param seed seeds every random choice (fault kinds, order and moments): a run is repeated with the same seed
 * @param kills {@code kill -9} of the platform process, each followed by a restart on the same data; in the separate
 *     shape, {@code kill -9} of one service's JVM (the launcher starts it again)
 * @param brokerRestarts stop (SIGTERM, controlled shutdown) and start of the Kafka broker process (apart only)
 * @param mongoKills {@code kill -9} and start of the Mongo substitute's process (apart only)
 * @param rollingRestarts rolling restarts of points-service to another build (separate only): the next build (a new
 *     optional field on its contract event {@code PointsBalanceChanged}, see {@link NextBuild}), then back to the
 *     current one, then the next again, and so on; the other services keep running on the old contract
 * @param minGap shortest time between two faults (the platform being up and under load)
 * @param maxGap longest time between two faults
 * @param journeyInterval a new journey is started this often while the load runs
 * @param workers journeys in progress at the same time
 * @param settle how long the journeys may take to complete after the last fault
 * @param paymentTimeoutRate payment gateway simulator: share of calls that hang past the gateway time limit
 * @param paymentLostResponseRate payment gateway simulator: share of calls that take effect but lose their answer
 * @param registryFailureRate VAT registry simulator: share of calls answered SERVICE_UNAVAILABLE
 * @param registryTimeoutRate VAT registry simulator: share of calls that hang past the registry time limit
 * @param portOffset port offset of the platform (entry point 8080 + offset)
 * @param workDir data of this run (platform data directory, broker log, Mongo file, PostgreSQL, logs)
 */
record FaultSettings(
        Shape shape,
        long seed,
        int kills,
        int brokerRestarts,
        int mongoKills,
        int rollingRestarts,
        Duration minGap,
        Duration maxGap,
        Duration journeyInterval,
        int workers,
        Duration settle,
        double paymentTimeoutRate,
        double paymentLostResponseRate,
        double registryFailureRate,
        double registryTimeoutRate,
        int portOffset,
        Path workDir) {

    /** The three ways the platform is run: {@link Cluster} says what each starts. */
    enum Shape {
        LOCAL,
        APART,
        SEPARATE
    }

    /**
     * The settings of one shape's run. The bounded defaults kill the local shape twice; the apart shape restarts the
     * broker and kills the Mongo substitute once each, and kills the platform once ({@code faults.apartKills}); the
     * separate shape kills one service JVM at a time twice ({@code faults.serviceKills}) and does one rolling restart
     * of points-service to its next build ({@code faults.rollingRestarts}).
     */
    static FaultSettings fromSystemProperties(Shape shape) {
        long seed = Long.getLong("faults.seed", System.nanoTime() & 0xffffffffL);
        return new FaultSettings(
                shape,
                seed,
                switch (shape) {
                    case LOCAL -> Integer.getInteger("faults.kills", 2);
                    case APART -> Integer.getInteger("faults.apartKills", 1);
                    case SEPARATE -> Integer.getInteger("faults.serviceKills", 2);
                },
                shape == Shape.APART ? Integer.getInteger("faults.brokerRestarts", 1) : 0,
                shape == Shape.APART ? Integer.getInteger("faults.mongoKills", 1) : 0,
                shape == Shape.SEPARATE ? Integer.getInteger("faults.rollingRestarts", 1) : 0,
                Duration.ofSeconds(Integer.getInteger("faults.minGapSeconds", 10)),
                Duration.ofSeconds(Integer.getInteger("faults.maxGapSeconds", 20)),
                Duration.ofMillis(Integer.getInteger("faults.journeyIntervalMillis", 1500)),
                Integer.getInteger("faults.workers", 3),
                Duration.ofSeconds(Integer.getInteger("faults.settleSeconds", 240)),
                rate("faults.paymentTimeoutRate", 0.1),
                rate("faults.paymentLostResponseRate", 0.1),
                rate("faults.registryFailureRate", 0.2),
                rate("faults.registryTimeoutRate", 0.1),
                Integer.getInteger("faults.portOffset", 6000),
                Path.of(System.getProperty("faults.workDir", "target/faults-" + seed) + "-"
                                + shape.name().toLowerCase())
                        .toAbsolutePath()
                        .normalize());
    }

    /** {@code faults.shapes}: the shapes to run, {@code local,apart,separate} by default. */
    static java.util.List<Shape> shapes() {
        return java.util.Arrays.stream(System.getProperty("faults.shapes", "local,apart,separate")
                        .split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Shape.valueOf(name.toUpperCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static double rate(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }

    int entryPointPort() {
        return 8080 + portOffset;
    }
}
