package com.canon.cps.verification.review.query;

import com.canon.cps.verification.review.domain.AccountVerificationRejected;
import com.canon.cps.verification.review.domain.AccountVerified;
import com.canon.cps.verification.review.domain.CompanyChangeApproved;
import com.canon.cps.verification.review.domain.CompanyChangeRejected;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.domain.VerificationSlaBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business counters: {@code cps.verification.outcomes} (outcome, method) and {@code cps.verification.sla.breached}.
 * Counted once per event as it is appended (subscribing, so never again on a replay), after its transaction commits.
 */
@Component
// counted in the policies' processing group, where they were counted before they moved here (its token stays)
@ProcessingGroup("verification-policies")
class VerificationOutcomeMetrics {

    private final MeterRegistry meters;
    private final Counter slaBreached;

    VerificationOutcomeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.slaBreached = Counter.builder("cps.verification.sla.breached")
                .description("Cases still undecided at their SLA deadline")
                .register(meters);
    }

    @EventHandler
    void on(AccountVerified event) {
        outcome("APPROVED", event.method().name());
    }

    @EventHandler
    void on(AccountVerificationRejected event) {
        outcome("REJECTED", "OPERATOR");
    }

    @EventHandler
    void on(VerificationInfoRequested event) {
        outcome("INFO_REQUESTED", "OPERATOR");
    }

    @EventHandler
    void on(CompanyChangeApproved event) {
        outcome("CHANGE_APPROVED", event.method().name());
    }

    @EventHandler
    void on(CompanyChangeRejected event) {
        outcome("CHANGE_REJECTED", "OPERATOR");
    }

    @EventHandler
    void on(VerificationSlaBreached event) {
        afterCommit(slaBreached::increment);
    }

    private void outcome(String outcome, String method) {
        Counter counter = Counter.builder("cps.verification.outcomes")
                .description("Verification decisions by outcome and method")
                .tag("outcome", outcome)
                .tag("method", method)
                .register(meters);
        afterCommit(counter::increment);
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
