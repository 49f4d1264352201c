package com.canon.cps.points.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {

    private static final String ACC = "acc-1";
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static final String CAMERA = "EOS-5D-MARK-III";
    private static final String LENS = "EF-40-F2.8-STM";

    private FixtureConfiguration<PointsLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsLedger.class);
        fixture.registerInjectableResource(new InvitationThreshold(500));
    }

    // ---- counting ------------------------------------------------------------------------------------------------

    @Test
    void givenNoLedger_whenIncompleteProductRegistered_thenTrackedWithoutPoints() {
        fixture.givenNoPriorActivity()
                .when(registered("p1", CAMERA, 235, false))
                .expectEvents(new ProductTracked(ACC, "p1", CAMERA, 235, 0, 0, T))
                .expectState(l -> assertThat(l.getBalance()).isZero());
    }

    @Test
    void givenNoLedger_whenCompleteProductRegistered_thenCountedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(registered("p1", CAMERA, 235, true))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p1", CAMERA, 235, 235, 1, T, ProductPointsCounted.REGISTERED));
    }

    @Test
    void givenTracked_whenCompleted_thenCounted() {
        fixture.given(new ProductTracked(ACC, "p1", CAMERA, 235, 0, 0, T))
                .when(completed("p1", CAMERA, 235))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p1", CAMERA, 235, 235, 1, T, ProductPointsCounted.COMPLETED));
    }

    @Test
    void givenTracked_whenCompletionReportsOtherPoints_thenTheRegisteredPointsCount() {
        fixture.given(new ProductTracked(ACC, "p1", CAMERA, 235, 0, 0, T))
                .when(completed("p1", CAMERA, 999))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p1", CAMERA, 235, 235, 1, T, ProductPointsCounted.COMPLETED));
    }

    @Test
    void givenCounted_whenCountedProductDeregistered_thenItsPointsLeave() {
        fixture.given(counted("p1", CAMERA, 235, 235, 1), counted("p2", LENS, 15, 250, 2))
                .when(deregistered("p1", CAMERA, 235))
                .expectEvents(new ProductRemovedFromLedger(ACC, "p1", CAMERA, 235, true, 15, 1, T))
                .expectState(l -> {
                    assertThat(l.getBalance()).isEqualTo(15);
                    assertThat(l.getCompleteProductCount()).isEqualTo(1);
                });
    }

    @Test
    void givenTracked_whenDeregistered_thenRemovedWithoutChangingTheBalance() {
        fixture.given(counted("p2", LENS, 15, 15, 1), new ProductTracked(ACC, "p1", CAMERA, 235, 15, 1, T))
                .when(deregistered("p1", CAMERA, 235))
                .expectEvents(new ProductRemovedFromLedger(ACC, "p1", CAMERA, 235, false, 15, 1, T));
    }

    // ---- duplicates -----------------------------------------------------------------------------------------------

    @Test
    void givenCounted_whenRegisteredOrCompletedAgain_thenNothing() {
        fixture.given(counted("p1", CAMERA, 235, 235, 1))
                .when(registered("p1", CAMERA, 235, true))
                .expectNoEvents();
        fixture.given(counted("p1", CAMERA, 235, 235, 1))
                .when(completed("p1", CAMERA, 235))
                .expectNoEvents();
    }

    @Test
    void givenTracked_whenIncompleteRegistrationArrivesAgain_thenNothing() {
        fixture.given(new ProductTracked(ACC, "p1", CAMERA, 235, 0, 0, T))
                .when(registered("p1", CAMERA, 235, false))
                .expectNoEvents();
    }

    @Test
    void givenRemoved_whenDeregisteredAgain_thenNothing() {
        fixture.given(
                        counted("p1", CAMERA, 235, 235, 1),
                        new ProductRemovedFromLedger(ACC, "p1", CAMERA, 235, true, 0, 0, T))
                .when(deregistered("p1", CAMERA, 235))
                .expectNoEvents();
    }

    // ---- re-ordering -----------------------------------------------------------------------------------------------

    @Test
    void givenNoLedger_whenCompletionArrivesBeforeRegistration_thenCountedOnce_andTheLateRegistrationChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(completed("p1", CAMERA, 235))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p1", CAMERA, 235, 235, 1, T, ProductPointsCounted.COMPLETED));
        fixture.given(counted("p1", CAMERA, 235, 235, 1))
                .when(registered("p1", CAMERA, 235, false))
                .expectNoEvents();
    }

    @Test
    void givenRemoved_whenLateCompletionOrRegistrationArrives_thenNeverCounted() {
        ProductRemovedFromLedger removedFirst = new ProductRemovedFromLedger(ACC, "p1", CAMERA, 235, false, 0, 0, T);

        fixture.givenNoPriorActivity().when(deregistered("p1", CAMERA, 235)).expectEvents(removedFirst);
        fixture.given(removedFirst).when(completed("p1", CAMERA, 235)).expectNoEvents();
        fixture.given(removedFirst).when(registered("p1", CAMERA, 235, true)).expectNoEvents();
        fixture.given(new ProductTracked(ACC, "p1", CAMERA, 235, 0, 0, T), removedFirst)
                .when(completed("p1", CAMERA, 235))
                .expectNoEvents();
    }

    // ---- threshold -------------------------------------------------------------------------------------------------

    @Test
    void givenBelowThreshold_whenBalanceReachesItExactly_thenThresholdReached() {
        fixture.given(counted("p1", CAMERA, 235, 235, 1), counted("p2", CAMERA, 250, 485, 2))
                .when(completed("p3", LENS, 15))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p3", LENS, 15, 500, 3, T, ProductPointsCounted.COMPLETED),
                        new InvitationThresholdReached(ACC, 500, 500, T))
                .expectState(l -> assertThat(l.isThresholdReached()).isTrue());
    }

    @Test
    void givenBelowThreshold_whenBalanceStaysBelow_thenNoThreshold() {
        fixture.given(counted("p1", CAMERA, 235, 235, 1))
                .when(completed("p2", CAMERA, 235))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p2", CAMERA, 235, 470, 2, T, ProductPointsCounted.COMPLETED));
    }

    @Test
    void givenThresholdReachedOnce_whenBalanceFallsAndReachesItAgain_thenNotRaisedAgain() {
        fixture.given(
                        counted("p1", CAMERA, 300, 300, 1),
                        counted("p2", CAMERA, 200, 500, 2),
                        new InvitationThresholdReached(ACC, 500, 500, T),
                        new ProductRemovedFromLedger(ACC, "p1", CAMERA, 300, true, 200, 1, T))
                .when(registered("p3", CAMERA, 400, true))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p3", CAMERA, 400, 600, 2, T, ProductPointsCounted.REGISTERED));
    }

    @Test
    void givenAConfiguredThreshold_whenReached_thenThatThresholdIsReported() {
        FixtureConfiguration<PointsLedger> lower = new AggregateTestFixture<>(PointsLedger.class);
        lower.registerInjectableResource(new InvitationThreshold(200));

        lower.givenNoPriorActivity()
                .when(registered("p1", CAMERA, 235, true))
                .expectEvents(
                        new ProductPointsCounted(ACC, "p1", CAMERA, 235, 235, 1, T, ProductPointsCounted.REGISTERED),
                        new InvitationThresholdReached(ACC, 200, 235, T));
    }

    private static RecordProductRegistration registered(String product, String model, int points, boolean complete) {
        return new RecordProductRegistration(ACC, product, model, points, complete, T);
    }

    private static RecordProductCompletion completed(String product, String model, int points) {
        return new RecordProductCompletion(ACC, product, model, points, T);
    }

    private static RecordProductDeregistration deregistered(String product, String model, int points) {
        return new RecordProductDeregistration(ACC, product, model, points, T);
    }

    private static ProductPointsCounted counted(String product, String model, int points, int balance, int count) {
        return new ProductPointsCounted(ACC, product, model, points, balance, count, T, ProductPointsCounted.COMPLETED);
    }
}
