package com.canon.cps.platform.projection;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.observability.ObservabilityAutoConfiguration;
import com.canon.cps.platform.observability.ProcessorLagMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathHandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Rebuilds of projections from the event store, and the operators' API over projections (docs/adr/0011). */
@AutoConfiguration(after = {ProjectionAutoConfiguration.class, ObservabilityAutoConfiguration.class})
@ConditionalOnBean({Projections.class, EventStore.class, ProcessorLagMetrics.class})
public class ProjectionRebuildAutoConfiguration {

    @Bean
    public ProjectionRebuilds projectionRebuilds(
            Projections projections,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            MongoTemplate mongo,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            @Qualifier("serializer") Serializer snapshotSerializer,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            ProjectionProperties properties,
            PlatformProperties platform,
            MeterRegistry meters,
            ObjectProvider<HandlerEnhancerDefinition> enhancers) {
        EventTableReader reader = EventTableReader.of(
                snapshotSerializer,
                eventSerializer,
                axon.upcasterChain(),
                connectionProvider,
                transactionManager,
                jdbc,
                properties.rebuildBatchSize());
        RebuildRun.Factory runs = new RebuildRun.Factory(
                reader,
                mongo,
                projections,
                axon.parameterResolverFactory(),
                type -> handlerDefinition(type, enhancers),
                properties.rebuildBatchSize());
        String node = platform.nodeId() != null
                ? platform.nodeId()
                : ManagementFactory.getRuntimeMXBean().getName();
        RebuildStore store = new RebuildStore(jdbc);
        RebuildLease lease = new RebuildLease(store, node + "/" + platform.service(), properties.heartbeatTimeout());
        RebuildMetrics metrics = new RebuildMetrics(meters);
        RebuildRuns running = new RebuildRuns(runs, store, lease, metrics, projections, transactions);
        RebuildHousekeeper housekeeper = new RebuildHousekeeper(store, lease, running, projections, properties);
        return new ProjectionRebuilds(
                projections, store, lease, running, housekeeper, metrics, reader, transactions, properties);
    }

    @Bean
    public ProjectionAdminController projectionAdminController(
            Projections projections,
            ProjectionRebuilds rebuilds,
            EventProcessingConfiguration processing,
            ProcessorLagMetrics lag,
            com.canon.cps.platform.audit.OperatorAudit audit) {
        return new ProjectionAdminController(projections, rebuilds, processing, lag, audit);
    }

    /**
     * The handler definition the application's processors use (Axon's classpath definitions and enhancers, plus
     * the enhancer beans), without Axon's per-invocation handler timeout: a rebuild has its own progress and
     * heartbeat, and the timeout schedules timer tasks for every event (it more than doubled the handlers' time in
     * {@code ProjectionRebuildBenchmark}).
     */
    static HandlerDefinition handlerDefinition(Class<?> type, ObjectProvider<HandlerEnhancerDefinition> beans) {
        List<HandlerEnhancerDefinition> enhancers = new ArrayList<>();
        enhancers.add(ClasspathHandlerEnhancerDefinition.forClass(type));
        beans.orderedStream()
                .filter(e -> !(e instanceof HandlerTimeoutHandlerEnhancerDefinition))
                .forEach(enhancers::add);
        return MultiHandlerDefinition.ordered(
                List.of(ClasspathHandlerDefinition.forClass(type)), MultiHandlerEnhancerDefinition.ordered(enhancers));
    }
}
