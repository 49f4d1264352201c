package com.canon.cps.platform.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Projection versions and rebuilds, under {@code cps.projections.*}.
 *
 * @param rebuildBatchSize events read from the event table and written to the read store per rebuild batch
 * @param cacheTtl how stale this instance's knowledge of the active versions (for reads) may be
 * @param heartbeatTimeout a rebuild whose owner has not reported for this long is taken over by another instance
 * @param housekeepingInterval how often an instance looks for rebuilds to resume and collections to drop
 * @param dropDelay how long the old version of a switched projection is kept: other instances read it until they
 *     notice the switch (at most {@code cacheTtl}), so this must be longer
 * @param readBarrierMaxWait the longest a read asking for read-your-writes ({@code Cps-Read-Barrier}) waits for the
 *     projections before it is served anyway
 */
@ConfigurationProperties("cps.projections")
public record ProjectionProperties(
        @DefaultValue("10000") int rebuildBatchSize,
        @DefaultValue("1s") Duration cacheTtl,
        @DefaultValue("30s") Duration heartbeatTimeout,
        @DefaultValue("2s") Duration housekeepingInterval,
        @DefaultValue("5s") Duration dropDelay,
        @DefaultValue("3s") Duration readBarrierMaxWait) {}
