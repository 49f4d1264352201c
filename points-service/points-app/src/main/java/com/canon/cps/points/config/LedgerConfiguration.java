package com.canon.cps.points.config;

import com.canon.cps.points.ledger.domain.InvitationThreshold;
import com.canon.cps.points.ledger.domain.PointsLedger;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the points ledger: its configured threshold and its snapshots. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    /** Injected into the ledger's command handlers, so the aggregate reads configuration without knowing Spring. */
    @Bean
    InvitationThreshold invitationThreshold(PointsSettings settings) {
        return new InvitationThreshold(settings.invitationThreshold());
    }

    /**
     * A ledger lives as long as its account and grows with every product event; after this many events since the last
     * snapshot, a new one is taken (in the transaction of the command that crossed it).
     */
    @Bean(PointsLedger.SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition pointsLedgerSnapshotTrigger(Snapshotter snapshotter, PointsSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }
}
