package com.canon.cps.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue #7, fault injection: under a steady journey load, {@code kill -9} of the platform process at random moments
 * (each followed by a restart on the same data), stop/start of the Kafka broker and of the read-model store, with the
 * payment gateway and VAT registry simulators timing out and failing all along. After the load ends and the journeys
 * settled: every journey completed; no event lost; no duplicate effect; every projection equal to its rebuild from
 * the event store (see {@link Checks}). Prints its counts and fails on any anomaly.
 *
 * <p>Bounded by default (a few kills, about five minutes here); {@code -Dfaults.kills=20} and friends for the full
 * run (see {@link FaultSettings}, README "Fault injection"). {@code -Dfaults.seed=N} repeats a run's choices.
 */
class FaultInjectionIT {

    enum Fault {
        KILL_PLATFORM,
        RESTART_BROKER,
        RESTART_MONGO
    }

    @Test
    void underFaults_everyJourneyCompletes_nothingIsLostOrDuplicated_projectionsEqualRebuilds() throws Exception {
        FaultSettings settings = FaultSettings.fromSystemProperties();
        Random random = new Random(settings.seed());
        List<Fault> plan = new ArrayList<>();
        plan.addAll(Collections.nCopies(settings.kills(), Fault.KILL_PLATFORM));
        plan.addAll(Collections.nCopies(settings.brokerRestarts(), Fault.RESTART_BROKER));
        plan.addAll(Collections.nCopies(settings.mongoRestarts(), Fault.RESTART_MONGO));
        Collections.shuffle(plan, random);
        System.out.printf(
                "fault injection: seed=%d (rerun with -Dfaults.seed=%d), plan %s, data in %s%n",
                settings.seed(), settings.seed(), plan, settings.workDir());
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

            int kills = 0;
            int brokerRestarts = 0;
            int mongoRestarts = 0;
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
                    case RESTART_BROKER -> {
                        cluster.kafka.stop(Duration.ofSeconds(30));
                        log(started, "Kafka broker stopped");
                        SteadyLoad.pause(randomMillis(random, Duration.ofSeconds(3), Duration.ofSeconds(10)));
                        cluster.kafka.start();
                        brokerRestarts++;
                        log(started, "Kafka broker started again");
                    }
                    case RESTART_MONGO -> {
                        cluster.mongo.stop(Duration.ofSeconds(30));
                        log(started, "Mongo stopped");
                        SteadyLoad.pause(randomMillis(random, Duration.ofSeconds(3), Duration.ofSeconds(10)));
                        cluster.mongo.start();
                        mongoRestarts++;
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
            System.out.println("fault injection: records checked by check: " + checks.checked);
            checks.anomalies.forEach(a -> System.out.println("fault injection: ANOMALY " + a));
            String summary = String.format(
                    "fault injection: seed=%d, journeys=%d, completed=%d, kills=%d, broker restarts=%d,"
                            + " mongo restarts=%d, platform restarts took %s s, records checked=%d, anomalies=%d,"
                            + " duration=%d s",
                    settings.seed(),
                    load.journeys.size(),
                    load.completed(),
                    kills,
                    brokerRestarts,
                    mongoRestarts,
                    restartSeconds,
                    checks.recordsChecked(),
                    checks.anomalies.size(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            System.out.println(summary);
            assertThat(load.journeys).as("journeys started").isNotEmpty();
            assertThat(kills).as("kills").isEqualTo(settings.kills());
            assertThat(checks.anomalies).as(summary).isEmpty();
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
