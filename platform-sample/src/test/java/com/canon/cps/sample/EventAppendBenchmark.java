package com.canon.cps.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.platform.test.QuietMachine;
import com.canon.cps.sample.BenchmarkRun.Rate;
import com.canon.cps.sample.card.domain.PointsRecorded;
import com.canon.cps.sample.card.domain.RecordCountry;
import com.canon.cps.sample.card.domain.RecordPoints;
import com.thoughtworks.xstream.XStream;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.xml.XStreamSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * How fast one service appends events (issue #7, first row): {@value #CLIENTS} client threads send real card
 * commands back to back through the service's {@link CommandGateway} (the sample service's {@code Card} aggregate, the
 * service's event store configuration and command bus, its subscribing policies in the same transaction). Each
 * client works on aggregates of ten commands each ({@code RecordCountry} creates it, nine {@code
 * RecordPoints} with another balance follow), one event per command. The asynchronous processors
 * (projections, publisher) are shut down first, so that only appending uses the two cores; a first run with them
 * running is printed for information (their positions moved to the head of the store first, so that they handle only
 * that run's events, whatever an earlier benchmark of the same context left behind).
 *
 * <p>Five contenders, compared like with like:
 *
 * <ul>
 *   <li><b>ours, aggregate cache</b>: the service as configured ({@code @Aggregate(cache = "aggregateCache")}, a
 *       {@code WeakReferenceCache});
 *   <li><b>ours, no aggregate cache</b>: the same, with the aggregate evicted from that cache before each command,
 *       so every command reads its aggregate from the event store as without a cache (the cache is a bean of
 *       platform-starter that no setting switches off; the eviction is one map removal);
 *   <li><b>plain Axon + WeakReferenceCache</b> and <b>plain Axon, no cache</b>: a giftcard aggregate (issue, then
 *       nine redeems) in its own {@link DefaultConfigurer} configuration with default settings: {@code
 *       SimpleCommandBus}, embedded event store on a {@link JdbcEventStorageEngine} (XStream serializer, Axon's
 *       PostgreSQL tables {@code bench_axon_*} and {@code bench_axon_cached_*}), Spring's JDBC transaction manager and
 *       a Hikari pool with default settings (10 connections); one of them with {@code configureWeakReferenceCache()};
 *   <li><b>raw JDBC</b>: {@value #CLIENTS} threads, each with its own connection (autocommit, one transaction per
 *       row), inserting rows shaped like the service's events (payload and metadata bytes of a real {@code
 *       PointsRecorded} event, ten per aggregate) into {@code bench_raw_domainevententry}, a scratch table
 *       with the columns, primary key and unique constraints of {@code domainevententry}.
 * </ul>
 *
 * Every contender is warmed up the same way ({@code benchmark.first-warmup-seconds}, default 5 s, not counted), then
 * they run interleaved in {@code benchmark.rounds} rounds (default 5: A B C D E, A B C D E, ...), each run {@code
 * benchmark.warmup-seconds} (default 2) not counted and {@code benchmark.seconds} (default 5) measured, with fresh
 * statistics ({@code ANALYZE}) of every event table before each run; a contender's figure is the median of its rounds.
 * The verdicts: ours cached ≥ 1.5 × plain Axon cached, ours uncached ≥ 1.5 × plain Axon uncached, ours cached ≥ 40 %
 * of raw. The 1-minute load average at the start is printed with the result; above 0.5 the verdicts read INVALID.
 *
 * <p>Not part of the normal build (the name matches neither {@code *Test} nor {@code *IT}); run it alone or with
 * the other two benchmarks in one Maven run (README.md):
 *
 * <pre>./mvnw -B -o -pl platform-sample verify -Dit.test=EventAppendBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbenchmark.rounds=R -Dbenchmark.seconds=S -Dbenchmark.warmup-seconds=W -Dbenchmark.first-warmup-seconds=F}
 * on the Maven command line (failsafe passes them to the test JVM) changes the sizes; the defaults take about 3.5
 * minutes, so that the three benchmarks fit in 15 minutes; a longer run, e.g. {@code -Dbenchmark.rounds=7
 * -Dbenchmark.seconds=10}, narrows the spread.
 *
 * <p>Runs before 2026-12-06 (BENCHMARKS.md) compared ours with its aggregate cache against plain Axon without one.
 * Measured 2026-11-27 14:37-14:41 (load average 7.4 at the start, 22.4 at the end), before the aggregate cache:
 * ours 1,423 events/s (mean of 2 runs), raw 23,989, plain Axon 1,620, plain Axon + WeakReferenceCache 6,280, ours with
 * projections and publisher running 538.
 *
 * <p>Where the time goes (JFR, {@code jdk.SocketRead} with threshold 0 on the client threads, before the aggregate
 * cache): a command costs ours about five PostgreSQL round trips on one pooled connection (snapshot read 1.25,
 * aggregate events read 1.9, batch insert 1, commit 1) where the raw program needs one; plain Axon needs the same five.
 * An aggregate cache removes the two reads. With the statistics of a nearly empty event table the generic plan of the
 * aggregate query becomes a sequential scan, hence the {@code ANALYZE} before each run.
 */
@SampleServiceTest
class EventAppendBenchmark {

    static final int CLIENTS = 16;
    private static final int PER_AGGREGATE = 10;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 5));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("benchmark.warmup-seconds", 2));
    private static final Duration FIRST_WARMUP =
            Duration.ofSeconds(Integer.getInteger("benchmark.first-warmup-seconds", 5));
    private static final String RAW_TABLE = "bench_raw_domainevententry";

    private static final String OURS_CACHED = "ours, aggregate cache";
    private static final String OURS_UNCACHED = "ours, no aggregate cache";
    private static final String AXON_CACHED = "plain Axon + WeakReferenceCache";
    private static final String AXON = "plain Axon, no cache";
    private static final String RAW = "raw JDBC inserts";

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("aggregateCache")
    Cache aggregateCache;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager axonTransactions;

    /** Commands ours' clients completed (one event each), over all runs. */
    private final AtomicLong oursCommands = new AtomicLong();

    @Test
    void appendRate() throws Exception {
        QuietMachine quiet = QuietMachine.afterSettling("append");
        String durability = jdbc.queryForObject(
                "SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit='"
                        + " || current_setting('synchronous_commit') || ', full_page_writes='"
                        + " || current_setting('full_page_writes')",
                String.class);
        HikariDataSource service = (HikariDataSource) dataSource;
        System.out.printf(
                "BENCHMARK append: %d clients, first warm-up %s, then %d rounds of warm-up %s + window %s per"
                        + " contender; PostgreSQL %s; service pool %d connections, plain Axon pools 10%n",
                CLIENTS, FIRST_WARMUP, ROUNDS, WARMUP, WINDOW, durability, service.getMaximumPoolSize());
        long before = countOurs();

        // information: ours with the service's processors running. A benchmark before this one in the same context
        // may have shut them down and left events behind them: they start from the head, so that they handle only
        // this run's events
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                try {
                    long from = BenchmarkRun.moveTo(tokenStore, axonTransactions, name, head);
                    System.out.printf(
                            "BENCHMARK clean start: %s moved from position %d to the head %d%n", name, from, head);
                } catch (IllegalStateException noTokenYet) {
                    System.out.printf("BENCHMARK clean start: %s left as it is (%s)%n", name, noTokenYet.getMessage());
                }
            }
        });
        processing.eventProcessors().values().forEach(EventProcessor::start);
        Rate withProcessors =
                BenchmarkRun.drive("(info) ours, processors running", CLIENTS, WARMUP, WINDOW, c -> ours(c, true));
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);

        Map<String, List<Rate>> rounds = new LinkedHashMap<>();
        try (RawInserts raw = new RawInserts(service);
                PlainAxon axonCached = new PlainAxon(service, true);
                PlainAxon axon = new PlainAxon(service, false)) {
            Map<String, IntFunction<BenchmarkRun.Client>> contenders = new LinkedHashMap<>();
            contenders.put(OURS_CACHED, c -> ours(c, true));
            contenders.put(OURS_UNCACHED, c -> ours(c, false));
            contenders.put(AXON_CACHED, axonCached::client);
            contenders.put(AXON, axon::client);
            contenders.put(RAW, raw::client);
            for (var contender : contenders.entrySet()) {
                analyze();
                BenchmarkRun.warmUp(contender.getKey(), CLIENTS, FIRST_WARMUP, contender.getValue());
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (var contender : contenders.entrySet()) {
                    analyze();
                    rounds.computeIfAbsent(contender.getKey(), k -> new ArrayList<>())
                            .add(BenchmarkRun.drive(
                                    contender.getKey() + ", round " + round,
                                    CLIENTS,
                                    WARMUP,
                                    WINDOW,
                                    contender.getValue()));
                }
            }
            raw.check();
            axonCached.check();
            axon.check();
        }
        assertThat(countOurs() - before).as("one event per command").isEqualTo(oursCommands.get());

        Map<String, Double> median = new LinkedHashMap<>();
        StringBuilder perRound = new StringBuilder("BENCHMARK append events/s by round (median in the verdicts):\n");
        rounds.forEach((name, runs) -> {
            median.put(name, BenchmarkRun.median(runs).eventsPerSecond());
            perRound.append(String.format(Locale.ROOT, "  %-34s", name));
            runs.forEach(r -> perRound.append(String.format(Locale.ROOT, " %,9.0f", r.eventsPerSecond())));
            perRound.append(String.format(Locale.ROOT, "  median %,9.0f%n", median.get(name)));
        });
        System.out.print(perRound);
        System.out.printf(Locale.ROOT, "BENCHMARK load average after the runs %.2f%n", QuietMachine.read());
        List<String[]> rows = new ArrayList<>();
        rows.add(BenchmarkRun.ratioRow(
                "append events/s: " + OURS_CACHED,
                median.get(OURS_CACHED),
                AXON_CACHED,
                median.get(AXON_CACHED),
                1.5,
                ">= 1.5 x plain Axon"));
        rows.add(BenchmarkRun.ratioRow(
                "append events/s: " + OURS_UNCACHED,
                median.get(OURS_UNCACHED),
                AXON,
                median.get(AXON),
                1.5,
                ">= 1.5 x plain Axon"));
        rows.add(BenchmarkRun.ratioRow(
                "append events/s: " + OURS_CACHED,
                median.get(OURS_CACHED),
                RAW,
                median.get(RAW),
                0.4,
                ">= 40 % of raw"));
        rows.add(BenchmarkRun.infoRow(
                "(info) " + OURS_CACHED + " (the old, unlike pair)", median.get(OURS_CACHED), AXON, median.get(AXON)));
        rows.add(BenchmarkRun.infoRow(
                "(info) " + OURS_UNCACHED, median.get(OURS_UNCACHED), OURS_CACHED, median.get(OURS_CACHED)));
        rows.add(BenchmarkRun.infoRow(
                "(info) ours, processors running (1 run)", withProcessors.eventsPerSecond(), RAW, median.get(RAW)));
        BenchmarkRun.table(
                "event append rate, " + CLIENTS + " clients, one event per command, median of " + ROUNDS + " rounds ("
                        + durability + ")",
                quiet,
                rows);
    }

    /**
     * Fresh statistics of the event tables before each run, as autovacuum keeps them in a long-running database: the
     * tables grow from empty during the benchmark, and with the statistics of an empty table the generic plan of the
     * aggregate query becomes a sequential scan (ours' first run measured half the rate of its second without).
     */
    private void analyze() {
        for (String table : List.of(
                "domainevententry",
                "snapshotevententry",
                "bench_axon_domainevententry",
                "bench_axon_snapshotevententry",
                "bench_axon_cached_domainevententry",
                "bench_axon_cached_snapshotevententry",
                RAW_TABLE)) {
            jdbc.execute("DO $$ BEGIN IF to_regclass('" + table + "') IS NOT NULL THEN EXECUTE 'ANALYZE " + table
                    + "'; END IF; END $$");
        }
    }

    private long countOurs() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE 'append-%'", Long.class);
    }

    /**
     * A client of the service: ten commands per card aggregate, one event each; {@code cached = false} evicts
     * the aggregate from the service's aggregate cache before each command, so the command reads it from the store.
     */
    private BenchmarkRun.Client ours(int client, boolean cached) {
        String prefix = "append-" + client + "-" + UUID.randomUUID() + "-";
        int[] n = {0};
        String[] account = {null};
        return () -> {
            int k = n[0]++ % PER_AGGREGATE;
            if (k == 0) {
                account[0] = prefix + n[0];
            }
            if (!cached) {
                aggregateCache.remove(account[0]);
            }
            if (k == 0) {
                commands.sendAndWait(new RecordCountry(account[0], "GB", "en"));
            } else {
                commands.sendAndWait(new RecordPoints(account[0], 100 * k));
            }
            oursCommands.incrementAndGet();
            return 1;
        };
    }

    /** Rows shaped like the service's: a real event's payload and metadata, ten per aggregate, autocommit. */
    private final class RawInserts implements AutoCloseable {

        private final HikariDataSource service;
        private final Object[] sample;
        private final AtomicLong inserted = new AtomicLong();
        private final List<Connection> connections = new ArrayList<>();
        private final List<PreparedStatement> statements = new ArrayList<>();

        RawInserts(HikariDataSource service) {
            this.service = service;
            jdbc.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            jdbc.execute("CREATE TABLE " + RAW_TABLE + " ("
                    + " globalindex BIGSERIAL NOT NULL PRIMARY KEY,"
                    + " aggregateidentifier VARCHAR(255) NOT NULL,"
                    + " sequencenumber BIGINT NOT NULL,"
                    + " type VARCHAR(255),"
                    + " eventidentifier VARCHAR(255) NOT NULL UNIQUE,"
                    + " metadata BYTEA,"
                    + " payload BYTEA NOT NULL,"
                    + " payloadrevision VARCHAR(255),"
                    + " payloadtype VARCHAR(255) NOT NULL,"
                    + " timestamp VARCHAR(255) NOT NULL,"
                    + " UNIQUE (aggregateidentifier, sequencenumber))");
            sample = jdbc.queryForObject(
                    "SELECT metadata, payload, payloadrevision, payloadtype FROM domainevententry"
                            + " WHERE payloadtype = ? ORDER BY globalindex DESC LIMIT 1",
                    (rs, i) -> new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4)},
                    PointsRecorded.class.getName());
            System.out.printf(
                    "BENCHMARK raw rows: payload %d bytes, metadata %d bytes (%s)%n",
                    ((byte[]) sample[1]).length, ((byte[]) sample[0]).length, new String((byte[]) sample[0]));
        }

        /** A client with its own connection (autocommit), opened once and kept for all runs. */
        BenchmarkRun.Client client(int client) {
            PreparedStatement insert;
            synchronized (connections) {
                try {
                    while (connections.size() <= client) {
                        Connection c = DriverManager.getConnection(
                                service.getJdbcUrl(), service.getUsername(), service.getPassword());
                        c.setAutoCommit(true);
                        connections.add(c);
                        statements.add(c.prepareStatement("INSERT INTO " + RAW_TABLE
                                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                                + " payloadrevision, payloadtype, timestamp)"
                                + " VALUES (?, ?, 'Card', ?, ?, ?, ?, ?, ?)"));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                insert = statements.get(client);
            }
            String prefix = "raw-" + client + "-" + UUID.randomUUID() + "-";
            int[] n = {0};
            return () -> {
                int k = n[0] % PER_AGGREGATE;
                insert.setString(1, prefix + (n[0] - k));
                insert.setLong(2, k);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, (byte[]) sample[0]);
                insert.setBytes(5, (byte[]) sample[1]);
                insert.setString(6, (String) sample[2]);
                insert.setString(7, (String) sample[3]);
                insert.setString(8, Instant.now().toString());
                insert.executeUpdate();
                n[0]++;
                inserted.incrementAndGet();
                return 1;
            };
        }

        void check() {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + RAW_TABLE, Long.class))
                    .isEqualTo(inserted.get());
        }

        @Override
        public void close() throws Exception {
            synchronized (connections) {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
    }

    /** Axon with its defaults on a giftcard aggregate, in a configuration of its own, with or without its cache. */
    private final class PlainAxon implements AutoCloseable {

        private final boolean cached;
        private final String table;
        private final HikariDataSource pool = new HikariDataSource();
        private final Configuration axon;
        private final AtomicLong sent = new AtomicLong();

        PlainAxon(HikariDataSource service, boolean cached) {
            this.cached = cached;
            String prefix = cached ? "bench_axon_cached_" : "bench_axon_";
            table = prefix + "domainevententry";
            pool.setJdbcUrl(service.getJdbcUrl());
            pool.setUsername(service.getUsername());
            pool.setPassword(service.getPassword());
            pool.setPoolName(cached ? "plain-axon-cached" : "plain-axon");
            SpringTransactionManager transactions = new SpringTransactionManager(new JdbcTransactionManager(pool));
            // Axon's default serializer; XStream denies unknown types, so the benchmark's package is allowed (as
            // Axon's Spring Boot auto-configuration does for the application's packages)
            XStream xStream = new XStream();
            xStream.allowTypesByWildcard(new String[] {EventAppendBenchmark.class.getPackageName() + ".**"});
            XStreamSerializer serializer =
                    XStreamSerializer.builder().xStream(xStream).build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(pool))
                    .transactionManager(transactions)
                    .snapshotSerializer(serializer)
                    .eventSerializer(serializer)
                    .schema(EventSchema.builder()
                            .eventTable(table)
                            .snapshotTable(prefix + "snapshotevententry")
                            .build())
                    .build();
            jdbc.execute("DROP TABLE IF EXISTS " + table + ", " + prefix + "snapshotevententry");
            engine.createSchema(PostgresEventTableFactory.INSTANCE);
            axon = DefaultConfigurer.defaultConfiguration(false)
                    .configureTransactionManager(c -> transactions)
                    .configureSerializer(c -> serializer)
                    .configureEmbeddedEventStore(c -> engine)
                    .configureAggregate(
                            cached
                                    ? AggregateConfigurer.defaultConfiguration(GiftCard.class)
                                            .configureWeakReferenceCache()
                                    : AggregateConfigurer.defaultConfiguration(GiftCard.class))
                    .buildConfiguration();
            axon.start();
        }

        BenchmarkRun.Client client(int client) {
            CommandGateway gateway = axon.commandGateway();
            String prefix = (cached ? "cached-card-" : "card-") + client + "-" + UUID.randomUUID() + "-";
            int[] n = {0};
            String[] card = {null};
            return () -> {
                int k = n[0]++ % PER_AGGREGATE;
                if (k == 0) {
                    card[0] = prefix + n[0];
                    gateway.sendAndWait(new IssueCard(card[0], 1_000));
                } else {
                    gateway.sendAndWait(new RedeemCard(card[0], 10));
                }
                sent.incrementAndGet();
                return 1;
            };
        }

        void check() {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))
                    .isEqualTo(sent.get());
        }

        @Override
        public void close() {
            axon.shutdown();
            pool.close();
        }
    }

    record IssueCard(@TargetAggregateIdentifier String cardId, int amount) {}

    record RedeemCard(@TargetAggregateIdentifier String cardId, int amount) {}

    /** Event (a plain class: XStream cannot instantiate records). */
    static final class CardIssued {
        final String cardId;
        final int amount;

        CardIssued(String cardId, int amount) {
            this.cardId = cardId;
            this.amount = amount;
        }
    }

    /** Event (a plain class: XStream cannot instantiate records). */
    static final class CardRedeemed {
        final String cardId;
        final int amount;

        CardRedeemed(String cardId, int amount) {
            this.cardId = cardId;
            this.amount = amount;
        }
    }

    /** Axon's giftcard example: no Spring stereotype, so the service's context never sees it. */
    static class GiftCard {
        @AggregateIdentifier
        private String cardId;

        private int remaining;

        GiftCard() {}

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.ALWAYS)
        void handle(IssueCard command) {
            apply(new CardIssued(command.cardId(), command.amount()));
        }

        @CommandHandler
        void handle(RedeemCard command) {
            if (command.amount() > remaining) {
                throw new IllegalStateException("not enough left on " + cardId);
            }
            apply(new CardRedeemed(command.cardId(), command.amount()));
        }

        @EventSourcingHandler
        void on(CardIssued event) {
            cardId = event.cardId;
            remaining = event.amount;
        }

        @EventSourcingHandler
        void on(CardRedeemed event) {
            remaining -= event.amount;
        }
    }
}
