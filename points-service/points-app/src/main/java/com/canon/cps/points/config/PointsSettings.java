package com.canon.cps.points.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * points-service settings ({@code cps.points.*}).
 *
 * @param invitationThreshold the balance at which an account is invited to CPS (docs/domain.md §3: 500); reached once
 * @param snapshotThreshold events after which a ledger is snapshotted, so loading a long-lived ledger stays cheap
 */
@ConfigurationProperties("cps.points")
record PointsSettings(
        @DefaultValue("500") int invitationThreshold,
        @DefaultValue("50") int snapshotThreshold) {

    public PointsSettings {
        if (invitationThreshold <= 0) {
            throw new IllegalArgumentException("cps.points.invitation-threshold must be positive");
        }
        if (snapshotThreshold <= 0) {
            throw new IllegalArgumentException("cps.points.snapshot-threshold must be positive");
        }
    }
}
