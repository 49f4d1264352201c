package com.canon.cps.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issues #7 and #12, fault injection: under a steady journey load, {@code kill -9} of the platform process at random
 * moments (each followed by a restart on the same data), in both shapes of {@link Cluster}: as {@code ./cps-local}
 * runs it (every server inside the killed process) and with the servers apart (then also stop/start of the Kafka
 * broker and {@code kill -9} of the read-model store), with the payment gateway and VAT registry simulators timing
 * out and failing all along. After the load ends and the journeys settled: every journey completed; no event lost;
 * no duplicate effect; every projection, as it is, equal to its rebuild from the event store (see {@link Checks}).
 * Prints its counts and fails on any anomaly.
 *
 * <p>The <b>separate</b> shape ({@code ./cps-local --separate}: each service and the portal in a JVM of its own) kills
 * one service's JVM at a time instead, the load going on; the launcher starts it again. While it is down, the
 * portal's public and back-office pages must degrade, not fail ({@link PortalProbe}); the same checks follow.
 *
 * <p>Bounded by default (a few kills per shape); {@code -Dfaults.kills=20} and friends for the full run (see
 * {@link FaultSettings}, README "Fault injection"). {@code -Dfaults.seed=N} repeats a run's choices.
 */
class FaultInjectionIT {

    enum Fault {
        KILL_PLATFORM,
        RESTART_BROKER,
        KILL_MONGO,
        KILL_SERVICE,
        ROLL_OUT
    }

    static List<FaultSettings.Shape> shapes() {
        return FaultSettings.shapes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void underFaults_everyJourneyCompletes_nothingIsLostOrDuplicated_projectionsEqualRebuilds(FaultSettings.Shape shape)
            throws Exception {
        FaultSettings settings = FaultSettings.fromSystemProperties(shape);
        Random random = new Random(settings.seed());
        List<Fault> plan = new ArrayList<>();
        boolean separate = shape == FaultSettings.Shape.SEPARATE;
        plan.addAll(Collections.nCopies(settings.kills(), separate ? Fault.KILL_SERVICE : Fault.KILL_PLATFORM));
        plan.addAll(Collections.nCopies(settings.brokerRestarts(), Fault.RESTART_BROKER));
        plan.addAll(Collections.nCopies(settings.mongoKills(), Fault.KILL_MONGO));
        plan.addAll(Collections.nCopies(settings.rollingRestarts(), Fault.ROLL_OUT));
        Collections.shuffle(plan, random);
        // the separate shape's victims: every JVM in a seeded order, again and again
        List<String> victims =
                new ArrayList<>(Cluster.SERVICE_PORTS.keySet().stream().sorted().toList());
        Collections.shuffle(victims, random);
        System.out.printf(
                "fault injection (%s): seed=%d (rerun with -Dfaults.seed=%d), plan %s, data in %s%n",
                shape, settings.seed(), settings.seed(), plan, settings.workDir());
        long started = System.nanoTime();

        try (Cluster cluster = new Cluster(settings)) {
            Duration firstStart = cluster.start();
            log(started, "platform up in %d s", firstStart.toSeconds());
            Http http = new Http(cluster.baseUrl(), Duration.ofSeconds(20));
            SteadyLoad load = new SteadyLoad(
                    http,
                    settings.journeyInterval(),
                    settings.workers(),
                    Long.toString(settings.seed(), 36) + Long.toString(System.currentTimeMillis() % 100000, 36));
            load.start();
            PortalProbe portal = new PortalProbe(cluster.baseUrl(), "operator@cps.local", cluster.operatorPassword());
            Outages outages = new Outages();
            List<String> killed = new ArrayList<>();
            int rollOuts = 0;
            Path currentBuild = null;
            Path nextBuild = null;
            List<Long> rollOutSeconds = new ArrayList<>();

            int kills = 0;
            int brokerRestarts = 0;
            int mongoKills = 0;
            List<Long> restartSeconds = new ArrayList<>();
            for (Fault fault : plan) {
                SteadyLoad.pause(randomMillis(random, settings.minGap(), settings.maxGap()));
                switch (fault) {
                    case KILL_PLATFORM -> {
                        cluster.platform.kill();
                        kills++;
                        log(
                                started,
                                "kill -9 #%d of the platform (%d journeys, %d completed)",
                                kills,
                                load.journeys.size(),
                                load.completed());
                        Duration restart = cluster.platform.start();
                        restartSeconds.add(restart.toSeconds());
                        log(started, "platform restarted in %d s", restart.toSeconds());
                    }
                    case KILL_SERVICE -> {
                        String victim = victims.get(kills % victims.size());
                        if (!portal.signIn()) {
                            log(started, "the operator could not sign in before the kill: %s", portal.signInProblem());
                        }
                        long oldPid = cluster.servicePid(victim);
                        cluster.killService(victim);
                        kills++;
                        killed.add(victim);
                        log(
                                started,
                                "kill -9 #%d of %s (pid %d; %d journeys, %d completed)",
                                kills,
                                victim,
                                oldPid,
                                load.journeys.size(),
                                load.completed());
                        Duration back = outages.awaitBack(cluster, portal, victim, oldPid);
                        restartSeconds.add(back.toSeconds());
                        log(started, "%s back in %d s (pid %d)", victim, back.toSeconds(), cluster.servicePid(victim));
                    }
                    case ROLL_OUT -> {
                        if (currentBuild == null) {
                            currentBuild = cluster.deployedJar(ROLLED);
                            Path keep = Files.createDirectories(
                                            settings.workDir().resolve("builds/current"))
                                    .resolve(currentBuild.getFileName());
                            Files.copy(currentBuild, keep);
                            currentBuild = keep;
                            nextBuild = NextBuild.points(
                                    currentBuild, settings.workDir().resolve("builds/next"));
                        }
                        boolean forward = rollOuts % 2 == 0; // next build, back to the current one, next again, ...
                        if (!portal.signIn()) {
                            log(
                                    started,
                                    "the operator could not sign in before the rolling restart: %s",
                                    portal.signInProblem());
                        }
                        long oldPid = cluster.servicePid(ROLLED);
                        cluster.rollOut(ROLLED, forward ? nextBuild : currentBuild);
                        rollOuts++;
                        log(
                                started,
                                "rolling restart #%d of %s (pid %d) to the %s build (%d journeys, %d completed)",
                                rollOuts,
                                ROLLED,
                                oldPid,
                                forward ? "next" : "current",
                                load.journeys.size(),
                                load.completed());
                        Duration back = outages.awaitBack(cluster, portal, ROLLED, oldPid);
                        rollOutSeconds.add(back.toSeconds());
                        log(
                                started,
                                "%s back in %d s on the %s build (pid %d)",
                                ROLLED,
                                back.toSeconds(),
                                forward ? "next" : "current",
                                cluster.servicePid(ROLLED));
                    }
                    case RESTART_BROKER -> {
                        cluster.kafka.stop(Duration.ofSeconds(30));
                        log(started, "Kafka broker stopped");
                        SteadyLoad.pause(randomMillis(random, Duration.ofSeconds(3), Duration.ofSeconds(10)));
                        cluster.kafka.start();
                        brokerRestarts++;
                        log(started, "Kafka broker started again");
                    }
                    case KILL_MONGO -> {
                        cluster.mongo.kill();
                        log(started, "kill -9 of the Mongo substitute");
                        SteadyLoad.pause(randomMillis(random, Duration.ofSeconds(3), Duration.ofSeconds(10)));
                        cluster.mongo.start();
                        mongoKills++;
                        log(started, "Mongo started again");
                    }
                }
            }
            SteadyLoad.pause(settings.minGap().toMillis());
            load.stopStarting();
            log(
                    started,
                    "load ends: %d journeys started, %d completed; settling",
                    load.journeys.size(),
                    load.completed());
            Duration settled = load.finish(settings.settle());
            log(
                    started,
                    "settled in %d s: %d of %d journeys completed",
                    settled.toSeconds(),
                    load.completed(),
                    load.journeys.size());
            System.out.println("fault injection: failed attempts (retried) by step and kind: " + load.failureSummary());

            Checks checks = new Checks(cluster, http, load.journeys, load.lastError);
            checks.runAll();
            if (separate) {
                checks.checked.merge("portal pages while a service was down", outages.pagesWhileDown, Long::sum);
                outages.pageFailures.forEach(f -> checks.anomalies.add("portal page failed while " + f));
                if (rollOuts > 0) {
                    checks.nextBuildRecordsConsumed();
                }
                System.out.printf(
                        "fault injection: services killed %s; rolling restarts of %s %d (back in %s s); portal pages"
                                + " while down %d (%d showing a part or page as not available), failed %d%n",
                        killed,
                        ROLLED,
                        rollOuts,
                        rollOutSeconds,
                        outages.pagesWhileDown,
                        outages.degradedPages,
                        outages.pageFailures.size());
            }
            System.out.println("fault injection: records checked by check: " + checks.checked);
            checks.anomalies.forEach(a -> System.out.println("fault injection: ANOMALY " + a));
            String summary = String.format(
                    "fault injection (%s): seed=%d, journeys=%d, completed=%d, kills=%d, broker restarts=%d,"
                            + " mongo kills=%d, rolling restarts=%d, %s restarts took %s s, records checked=%d,"
                            + " anomalies=%d, duration=%d s",
                    shape,
                    settings.seed(),
                    load.journeys.size(),
                    load.completed(),
                    kills,
                    brokerRestarts,
                    mongoKills,
                    rollOuts,
                    separate ? "service" : "platform",
                    restartSeconds,
                    checks.recordsChecked(),
                    checks.anomalies.size(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            System.out.println(summary);
            assertThat(load.journeys).as("journeys started").isNotEmpty();
            assertThat(kills).as("kills").isEqualTo(settings.kills());
            assertThat(rollOuts).as("rolling restarts").isEqualTo(settings.rollingRestarts());
            assertThat(checks.anomalies).as(summary).isEmpty();
        }
    }

    /** The service the rolling restarts deploy another build of (the one {@link NextBuild} knows). */
    private static final String ROLLED = "points";

    /** The separate shape's outages of one service: waited for, the portal's pages looked at meanwhile. */
    private static final class Outages {
        final List<String> pageFailures = new ArrayList<>();
        long pagesWhileDown;
        long degradedPages;

        /** Until the service answers in a new JVM (at most 900 s); a few rounds of portal pages while it is down. */
        Duration awaitBack(Cluster cluster, PortalProbe portal, String service, long oldPid) {
            long down = System.nanoTime();
            int rounds = 0;
            while (!cluster.serviceBack(service, oldPid)) {
                if (Duration.ofNanos(System.nanoTime() - down).toSeconds() > 900) {
                    throw new AssertionError(service + " did not come back within 900 s");
                }
                if (rounds++ < 3) {
                    for (PortalProbe.Page page : portal.probe(service)) {
                        pagesWhileDown++;
                        if (page.degraded()) {
                            degradedPages++;
                        }
                        if (page.failed()) {
                            pageFailures.add(service + " down: " + page);
                        }
                    }
                }
                SteadyLoad.pause(2000);
            }
            return Duration.ofNanos(System.nanoTime() - down);
        }
    }

    private static long randomMillis(Random random, Duration min, Duration max) {
        long span = Math.max(0, max.toMillis() - min.toMillis());
        return min.toMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * span));
    }

    private static void log(long started, String format, Object... args) {
        System.out.printf(
                "fault injection [%4d s] %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), String.format(format, args));
    }
}
