package com.canon.cps.platform.eventstore;

import com.canon.cps.platform.config.PlatformProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write side every service shares: PostgreSQL data source and transactions, Axon's JDBC event store on it (the
 * tables come from Flyway, {@code db/platform}), Jackson serialization of events, pooled streaming processors whose
 * failures propagate (the processor retries with back-off) instead of Axon's default log-and-skip.
 *
 * <p>Runs before Axon's and Boot's JDBC auto-configuration: on Boot 4, Axon's JDBC configuration would otherwise be
 * evaluated before any {@code DataSource} exists and no event store would be created.
 */
@AutoConfiguration(
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        })
@EnableConfigurationProperties({PlatformProperties.class, DataSourceProperties.class})
public class EventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        dataSource.setPoolName(properties.determineDatabaseName() + "-pool");
        return dataSource;
    }

    @Bean
    @ConditionalOnMissingBean(PlatformTransactionManager.class)
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon's JDBC storage engine on the service's PostgreSQL database, exactly as Axon's JDBC auto-configuration builds it. */
    @Bean
    public EventStorageEngine eventStorageEngine(
            @Qualifier("serializer") Serializer snapshotSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration config,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(config.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(config.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Axon's embedded event store, as Axon configures it, but polling the storage every 100 ms instead of every
     * second when a processor reads past the cached head, and waking the pooled processors on each commit (see
     * {@link WakingEventStore}).
     */
    @Bean("eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine, org.axonframework.config.Configuration config) {
        return new WakingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(config.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(config.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                .optimizeEventConsumption(false));
    }

    /**
     * Aggregates kept in memory between commands ({@code @Aggregate(cache = "aggregateCache")}), so a command does not
     * read the aggregate's snapshot and events again: weakly referenced (the garbage collector empties it under
     * memory pressure), evicted when a unit of work or the caller's transaction it ran in rolls back (see
     * {@link TransactionBoundLockFactory}). With several instances a cached aggregate may be stale; its append then
     * fails on the sequence number and {@link ConcurrencyRetry} dispatches the command again.
     */
    @Bean
    @ConditionalOnMissingBean(name = "aggregateCache")
    public Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /**
     * Every aggregate's lock is held until the transaction holding its new events ends, so the events of an aggregate
     * commit in the order of their sequence numbers even when commands run inside a caller's transaction (see
     * {@link TransactionBoundLockFactory}).
     */
    @Bean
    public static TransactionBoundAggregateLocks transactionBoundAggregateLocks() {
        return new TransactionBoundAggregateLocks();
    }

    /** Axon's command gateway, dispatching again a command that lost the race for its sequence numbers. */
    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetry())
                .build();
    }

    /** Jackson 2 mapper for Axon only (Boot 4's own web stack uses Jackson 3). */
    @Bean("defaultAxonObjectMapper")
    @ConditionalOnMissingBean(ObjectMapper.class)
    public ObjectMapper defaultAxonObjectMapper() {
        return axonObjectMapper();
    }

    /**
     * The mapper of Axon's serializers. Decimals read into a JSON tree stay exact ({@code 20.00}, not the double
     * {@code 20.0}): the crypto-shredding serializer reads each stored event with personal data as a tree (ADR 23).
     */
    public static ObjectMapper axonObjectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new FastTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        return mapper;
    }

    /**
     * Axon's general serializer, and with it the message and event serializers (Axon's auto-configuration uses the
     * general one for all three when all are Jackson, as {@code PlatformDefaults} sets): Axon's Jackson serializer on
     * the Axon mapper, as Axon would build it, with its lookups per stored type kept ({@link CachingJacksonSerializer}).
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(Serializer.class)
    @ConditionalOnProperty(name = "axon.serializer.general", havingValue = "jackson")
    public Serializer serializer(
            RevisionResolver revisionResolver, ObjectMapper defaultAxonObjectMapper, ResourceLoader resources) {
        return CachingJacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(resources.getClassLoader()))
                .objectMapper(defaultAxonObjectMapper)
                .build();
    }

    /** Token store with a stable owner name, so a restarted instance takes its segments back at once. */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            @Qualifier("serializer") Serializer serializer,
            PlatformProperties properties) {
        String nodeId = properties.nodeId() != null
                ? properties.nodeId()
                : ManagementFactory.getRuntimeMXBean().getName();
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .nodeId(nodeId + "/" + properties.service())
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Gives the messages a handler creates the trace context of its span (or of the handled message) and the upstream
     * append time.
     */
    @Bean
    public CorrelationDataProvider traceparentCorrelation() {
        return new TraceContext.Correlation();
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public TraceContext.CommandTraceInterceptor commandTraceInterceptor() {
        return new TraceContext.CommandTraceInterceptor();
    }

    @Bean
    public ConfigurerModule cpsEventProcessingDefaults() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) ->
                        builder.batchSize(100).initialSegmentCount(1).maxClaimedSegments(16))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
