package com.canon.cps.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.membership.MembershipServiceTest;
import com.canon.cps.membership.membership.domain.AutoRenewalChanged;
import com.canon.cps.membership.membership.domain.MarketRecorded;
import com.canon.cps.membership.membership.domain.MembershipActivated;
import com.canon.cps.membership.membership.domain.MembershipInvited;
import com.canon.cps.membership.membership.domain.MembershipRenewed;
import com.canon.cps.membership.membership.domain.PointsBalanceRecorded;
import com.canon.cps.membership.membership.query.MembershipView;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * How fast a projection rebuilds: appends {@value #EVENTS} membership events (10 per account, 1,000 accounts active at
 * a time) straight into the event table, then rebuilds {@code memberships} through the operators' API and prints the
 * rate. Not part of the normal build (the name matches neither {@code *Test} nor {@code *IT}); run it alone:
 *
 * <pre>./mvnw -B -o -pl membership-service/membership-app verify -Dit.test=ProjectionRebuildBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The live processors are shut down first, so that only the rebuild uses the two cores. {@code -DargLine=
 * "-Dbenchmark.events=N -Dbenchmark.active-accounts=M -Dcps.projections.rebuild-batch-size=B"} varies the load.
 *
 * <p>Measured 2026-11-27 on the two-core machine (embedded PostgreSQL and the Mongo substitute in the same JVM),
 * 100,000 events, batch 10,000: 26,500-27,000 events/s with 1,000 accounts active at a time (a document gets about 10
 * events per batch: 10,010 writes); 12,000 events/s when every event of a batch hits another document (10,000
 * accounts active at a time: 100,000 writes, bound by the substitute's ~14,000 updates/s). With batches of 2,000
 * and Axon's handler timeouts still wrapping every call: 10,800 events/s.
 */
@MembershipServiceTest
class ProjectionRebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);
    private static final int PER_ACCOUNT = 10;
    private static final int ACTIVE_ACCOUNTS = Integer.getInteger("benchmark.active-accounts", 1_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Projections projections;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void rebuildRate() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        int accounts = EVENTS / PER_ACCOUNT;
        long appendStart = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add("bench-" + UUID.randomUUID());
        }
        for (int block = 0; block < accounts; block += ACTIVE_ACCOUNTS) {
            List<Object[]> rows = new ArrayList<>();
            for (int seq = 0; seq < PER_ACCOUNT; seq++) {
                for (int a = block; a < Math.min(accounts, block + ACTIVE_ACCOUNTS); a++) {
                    rows.add(row(ids.get(a), seq));
                }
            }
            jdbc.batchUpdate(
                    "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                            + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                            + " VALUES (?, ?, 'Membership', ?, ?, ?, ?, ?, ?)",
                    rows);
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        System.out.printf(
                "BENCHMARK appended %,d events (%,d in the store) in %.1f s%n",
                EVENTS, total, (System.nanoTime() - appendStart) / 1e9);

        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
        String operator = TestTokens.operator();
        long start = System.nanoTime();
        HttpTestClient.Response started =
                http.post("/admin/projections/memberships/rebuild", "application/json", "", operator);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> http.get("/admin/projections/memberships/rebuild", operator)
                                .json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
        long processed = done.path("processed").asLong();
        System.out.printf(
                "BENCHMARK rebuilt %,d events into %s in %.2f s: %,.0f events/s (server-side average %s events/s)%n",
                processed,
                projections.collection(MembershipView.class),
                seconds,
                processed / seconds,
                done.path("eventsPerSecond").asString());
        assertThat(mongo.count(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .regex("^bench-")),
                        projections.collection(MembershipView.class)))
                .isEqualTo(accounts);
    }

    private Object[] row(String account, int seq) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq);
        LocalDate day = LocalDate.of(2026, 1, 1);
        Object payload = switch (seq) {
            case 0 -> new MarketRecorded(account, "GB", "en");
            case 1 -> new PointsBalanceRecorded(account, 600);
            case 2 -> new MembershipInvited(account, 600, at);
            case 3 -> new MembershipActivated(account, "123456789", "SILVER", day, day.plusYears(1), true, at);
            default ->
                seq % 2 == 0
                        ? new AutoRenewalChanged(account, "123456789", seq % 4 == 0, at)
                        : new MembershipRenewed(
                                account, "123456789", "SILVER", day.plusYears(seq), day.plusYears(seq + 1), at);
        };
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        return new Object[] {
            account,
            seq,
            UUID.randomUUID().toString(),
            metaData.getData(),
            data.getData(),
            data.getType().getRevision(),
            data.getType().getName(),
            at.toString()
        };
    }
}
