package com.canon.cps.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.projection.Projections;
import com.canon.cps.sample.card.domain.RecordCountry;
import com.canon.cps.sample.card.domain.RecordPoints;
import com.canon.cps.sample.card.query.CardView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command sent inside a transaction of the caller (the inbox of a consumer, a service method) appends its events in
 * that transaction. The next command for the same aggregate must not overtake it: if its events committed first, every
 * reader of the event table in global-index order (the live projection processor, a rebuild) would see them first,
 * and the late event, lower in the aggregate's sequence, would be refused by the projection's sequence guard: a lost
 * field (ProjectionRebuildIT saw this as accounts without their country). Forced here, deterministically.
 */
@SampleServiceTest
class AggregateCommitOrderIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Projections projections;

    @Test
    void theNextCommandWaitsForTheCallersTransaction_soNoEventOfTheAggregateIsLost() throws Exception {
        String account = UUID.randomUUID().toString();
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> inbox = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(new RecordCountry(account, "DE", "en"));
            sent.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();

        // another consumer's command for the same account, while the first transaction is still open
        CompletableFuture<Void> balance =
                CompletableFuture.runAsync(() -> commands.sendAndWait(new RecordPoints(account, 700)));
        // give it the time to overtake (it must not): to commit, and the projection to apply it
        boolean overtook;
        try {
            await().atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> balance.isDone() && document(account) != null);
            overtook = true;
        } catch (ConditionTimeoutException stayedBehind) {
            overtook = balance.isDone();
        }
        commit.countDown();
        inbox.get(30, TimeUnit.SECONDS);
        balance.get(30, TimeUnit.SECONDS);

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT globalindex, sequencenumber, payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                        + " ORDER BY sequencenumber",
                account);
        assertThat(events).hasSize(2);
        assertThat((Long) events.get(0).get("globalindex"))
                .as("the aggregate's events are in the event table in the order of their sequence numbers")
                .isLessThan((Long) events.get(1).get("globalindex"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat((Map<String, Object>) document(account))
                        .as("the projection has every event of the account")
                        .isNotNull()
                        .containsEntry("country", "DE")
                        .containsEntry("points", 700));
        assertThat(overtook)
                .as("the second command completed before the first one's transaction committed")
                .isFalse();
    }

    @Test
    void aRolledBackCallerTransaction_leavesNoTraceInTheCachedAggregate() throws Exception {
        String account = UUID.randomUUID().toString();
        CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
                    commands.sendAndWait(new RecordCountry(account, "DE", "en"));
                    tx.setRollbackOnly();
                }))
                .get(30, TimeUnit.SECONDS);
        commands.sendAndWait(new RecordPoints(account, 700));

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT sequencenumber, payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                        + " ORDER BY sequencenumber",
                account);
        assertThat(events).hasSize(1);
        assertThat(((Number) events.get(0).get("sequencenumber")).longValue())
                .as("the first event of the account is its first event: nothing was built on the rolled-back one")
                .isZero();
        assertThat((String) events.get(0).get("payloadtype")).endsWith("PointsRecorded");
    }

    private Document document(String account) {
        return mongo.findById(account, Document.class, projections.collection(CardView.class));
    }
}
