package com.canon.cps.platform.projection;

import com.canon.cps.platform.web.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds of projections from the event store, without downtime (docs/adr/0011).
 *
 * <p>A rebuild writes a new version of the projection's collections from the whole event table, invoking only the
 * projection's own handlers ({@link RebuildRun}), while the active version keeps serving reads and the live processor
 * keeps writing into it. At the head it switches: one row update makes the new version active; the old one is dropped
 * after {@link ProjectionProperties#dropDelay()}. State lives in {@code projection_rebuild}: a rebuild survives a
 * restart (its owner resumes from the stored position) and the death of its owner (another instance takes it over
 * once the heartbeat is older than {@link ProjectionProperties#heartbeatTimeout()}); one instance runs a given
 * rebuild at a time.
 */
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final String ACTIVE = "('RUNNING','CAUGHT_UP')";

    /** Lifecycle of a rebuild, as API.md names it. */
    public enum Status {
        RUNNING,
        CAUGHT_UP,
        SWITCHED,
        CANCELLED,
        FAILED;

        boolean active() {
            return this == RUNNING || this == CAUGHT_UP;
        }
    }

    /** {@code GET /admin/projections/{name}/rebuild}. */
    public record RebuildStatus(
            String status,
            long processed,
            long total,
            double eventsPerSecond,
            String eta,
            int fromVersion,
            int toVersion,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    /** A row of {@code projection_rebuild}. */
    record Row(
            String name,
            int fromVersion,
            int toVersion,
            Status status,
            long processed,
            long total,
            Long position,
            String gaps,
            String owner,
            Instant startedAt,
            Instant finishedAt,
            String error,
            Integer maxRate) {

        TrackingToken token() {
            if (position == null) {
                return null;
            }
            TreeSet<Long> gapSet = gaps == null || gaps.isBlank()
                    ? new TreeSet<>()
                    : Arrays.stream(gaps.split(",")).map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
            return GapAwareTrackingToken.newInstance(position, gapSet);
        }
    }

    private final Projections projections;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RebuildRun.Factory runs;
    private final ProjectionProperties properties;
    private final MeterRegistry meters;
    private final String owner;
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private final Map<String, RebuildStatus> lastKnown = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });
    private ScheduledExecutorService housekeeping;
    private volatile boolean started;

    public ProjectionRebuilds(
            Projections projections,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            RebuildRun.Factory runs,
            ProjectionProperties properties,
            MeterRegistry meters,
            String owner) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runs = runs;
        this.properties = properties;
        this.meters = meters;
        this.owner = owner;
    }

    // ---- operator actions ------------------------------------------------------------------------------------------

    /**
     * Starts a rebuild of {@code name} into a new version; 404 for anything not a projection, 409 if one runs.
     *
     * @param maxRate events per second at most (spares the event store and the read store), null = unlimited
     */
    public RebuildStatus start(String name, Integer maxRate) {
        if (maxRate != null && maxRate < 1) {
            throw ApiProblem.invalid("maxRate", "must be at least 1 event per second");
        }
        Projections.Definition projection = definition(name);
        Row row = transactions.execute(tx -> {
            Map<String, Object> version = jdbc.queryForMap(
                    "SELECT active_version, last_version FROM projection_version WHERE name = ? FOR NO KEY UPDATE",
                    name);
            Optional<Row> current = row(name, " FOR UPDATE");
            if (current.isPresent() && current.get().status().active()) {
                throw ApiProblem.conflict("A rebuild of " + name + " is already running (version "
                        + current.get().toVersion() + ")");
            }
            if (current.isPresent() && current.get().status() == Status.SWITCHED && settling(name)) {
                // its old version is still read by instances that have not noticed the switch yet, and is dropped
                // only after the delay; a new rebuild now would lose track of it
                throw ApiProblem.conflict("The previous rebuild of " + name + " switched moments ago; try again in "
                        + properties.dropDelay().toSeconds() + " s");
            }
            current.filter(r -> !r.status().active() && r.status() != Status.SWITCHED)
                    .ifPresent(this::dropTarget);
            int from = ((Number) version.get("active_version")).intValue();
            int to = Math.max(from, ((Number) version.get("last_version")).intValue()) + 1;
            jdbc.update("UPDATE projection_version SET last_version = ? WHERE name = ?", to, name);
            // a fresh, empty target with the views' indexes, before any run can see the rebuild (versions only grow,
            // so a leftover of that name is an aborted start at most)
            projections.drop(projection.name(), to);
            projections.ensureIndexes(projection.name(), to);
            long total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            jdbc.update(
                    "INSERT INTO projection_rebuild (name, from_version, to_version, status, processed, total, position,"
                            + " gaps, owner, heartbeat_at, started_at, finished_at, cleaned_at, error, max_rate)"
                            + " VALUES (?, ?, ?, 'RUNNING', 0, ?, NULL, NULL, ?, now(), now(), NULL, NULL, NULL, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET from_version = EXCLUDED.from_version,"
                            + " to_version = EXCLUDED.to_version, status = 'RUNNING', processed = 0,"
                            + " total = EXCLUDED.total, position = NULL, gaps = NULL, owner = EXCLUDED.owner,"
                            + " heartbeat_at = now(), started_at = now(), finished_at = NULL, cleaned_at = NULL,"
                            + " error = NULL, max_rate = EXCLUDED.max_rate",
                    name,
                    from,
                    to,
                    total,
                    owner,
                    maxRate);
            return row(name, "").orElseThrow();
        });
        log.info(
                "Projection {}: rebuild of version {} started (version {} serves reads)",
                name,
                row.toVersion(),
                row.fromVersion());
        launch(row);
        return status(row);
    }

    /** The latest rebuild of {@code name}; 404 for an unknown projection or one never rebuilt. */
    public RebuildStatus status(String name) {
        definition(name);
        return row(name, "")
                .map(this::status)
                .orElseThrow(() -> ApiProblem.notFound("Projection " + name + " was never rebuilt"));
    }

    /** The latest rebuild of {@code name}, if any. */
    public Optional<RebuildStatus> latest(String name) {
        return row(name, "").map(this::status);
    }

    /**
     * Cancels the running rebuild of {@code name}: the half-built version is dropped, the active one is untouched.
     * 409 when no rebuild is running (also when it has just switched).
     */
    public RebuildStatus cancel(String name) {
        definition(name);
        int updated = jdbc.update(
                "UPDATE projection_rebuild SET status = 'CANCELLED', finished_at = now() WHERE name = ? AND status IN "
                        + ACTIVE,
                name);
        Row row = row(name, "").orElseThrow(() -> ApiProblem.notFound("Projection " + name + " was never rebuilt"));
        if (updated == 0) {
            throw ApiProblem.conflict("No rebuild of " + name + " is running (the latest is " + row.status() + ")");
        }
        RebuildRun run = running.get(name);
        if (run != null) {
            run.stop();
            run.await(Duration.ofSeconds(30));
        }
        dropTarget(row);
        log.info("Projection {}: rebuild of version {} cancelled", name, row.toVersion());
        return status(row(name, "").orElseThrow());
    }

    // ---- runs ------------------------------------------------------------------------------------------------------

    private void launch(Row row) {
        RebuildRun run = runs.create(row, this);
        if (running.putIfAbsent(row.name(), run) != null) {
            return;
        }
        workers.execute(() -> {
            Thread.currentThread().setName("projection-rebuild-" + row.name());
            try {
                run.run();
            } finally {
                running.remove(row.name(), run);
            }
        });
    }

    /**
     * Records progress and proves this instance still owns the rebuild; false when it does not (cancelled or taken
     * over), and the run must stop.
     */
    boolean heartbeat(String name, Status status, TrackingToken token, long processed, long total) {
        return jdbc.update(
                        "UPDATE projection_rebuild SET status = ?, position = ?, gaps = ?, processed = ?, total = ?,"
                                + " heartbeat_at = now() WHERE name = ? AND owner = ? AND status IN " + ACTIVE,
                        status.name(),
                        position(token),
                        gaps(token),
                        processed,
                        total,
                        name,
                        owner)
                == 1;
    }

    /** A switch whose old version has not been dropped yet. */
    private boolean settling(String name) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM projection_rebuild WHERE name = ? AND status = 'SWITCHED' AND cleaned_at IS NULL",
                        Integer.class,
                        name)
                .isEmpty();
    }

    /** Whether this instance still owns the running rebuild of {@code name}. */
    boolean owns(String name) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM projection_rebuild WHERE name = ? AND owner = ? AND status IN " + ACTIVE,
                        Integer.class,
                        name,
                        owner)
                .isEmpty();
    }

    /** The run lost its claim; if that was a cancellation, its half-built version goes (after its last write). */
    void stopped(String name) {
        row(name, "").filter(r -> r.status() == Status.CANCELLED).ifPresent(this::dropTarget);
    }

    /**
     * Switches to the rebuilt version in one transaction: locks the version row (waiting for live batches that write
     * into the old version to commit; later ones wait for the switch), lets {@code catchUp} apply the rest of the
     * event table up to its head, then makes the new version active. False when the rebuild is no longer this
     * instance's to switch.
     */
    boolean switchOver(String name, int toVersion, SwitchWork catchUp) {
        Boolean switched = transactions.execute(tx -> {
            jdbc.queryForObject(
                    "SELECT active_version FROM projection_version WHERE name = ? FOR NO KEY UPDATE",
                    Integer.class,
                    name);
            Optional<Row> current = row(name, " FOR UPDATE");
            if (current.isEmpty()
                    || !current.get().status().active()
                    || !owner.equals(current.get().owner())) {
                return false;
            }
            long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
            SwitchWork.Result result;
            try {
                result = catchUp.applyUpTo(head);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Catching up to the head failed", e);
            }
            jdbc.update("UPDATE projection_version SET active_version = ? WHERE name = ?", toVersion, name);
            jdbc.update(
                    "UPDATE projection_rebuild SET status = 'SWITCHED', position = ?, gaps = ?, processed = ?,"
                            + " total = ?, heartbeat_at = now(), finished_at = now() WHERE name = ?",
                    position(result.token()),
                    gaps(result.token()),
                    result.processed(),
                    result.processed(),
                    name);
            return true;
        });
        if (Boolean.TRUE.equals(switched)) {
            projections.activated(name, toVersion);
            log.info("Projection {}: switched to version {}", name, toVersion);
        }
        return Boolean.TRUE.equals(switched);
    }

    /** What the switch runs under its lock. */
    interface SwitchWork {
        record Result(TrackingToken token, long processed) {}

        Result applyUpTo(long head) throws Exception;
    }

    void failed(String name, Exception e) {
        log.error("Projection {}: rebuild failed", name, e);
        String message = String.valueOf(e.getMessage());
        try {
            int updated = jdbc.update(
                    "UPDATE projection_rebuild SET status = 'FAILED', error = ?, finished_at = now() WHERE name = ?"
                            + " AND owner = ? AND status IN " + ACTIVE,
                    message.length() > 1000 ? message.substring(0, 1000) : message,
                    name,
                    owner);
            if (updated == 1) {
                row(name, "").ifPresent(this::dropTarget);
            }
        } catch (RuntimeException stillFailing) {
            // the database is away: the row stays RUNNING, and the rebuild resumes once it is back
            log.warn("Projection {}: could not record the failure; the rebuild will be resumed", name, stillFailing);
        }
    }

    void progress(String name, RebuildStatus status) {
        lastKnown.put(name, status);
    }

    private void dropTarget(Row row) {
        projections.drop(row.name(), row.toVersion());
        jdbc.update(
                "UPDATE projection_rebuild SET cleaned_at = now() WHERE name = ? AND to_version = ?",
                row.name(),
                row.toVersion());
    }

    // ---- housekeeping: resume rebuilds, drop collections no longer needed
    // --------------------------------------------

    void housekeeping() {
        try {
            resume();
            cleanUp();
        } catch (RuntimeException e) {
            log.warn("Projection housekeeping failed; trying again in {}", properties.housekeepingInterval(), e);
        }
    }

    /** Takes over rebuilds this instance owned before a restart, or whose owner stopped reporting. */
    private void resume() {
        List<String> names = jdbc.queryForList(
                "SELECT name FROM projection_rebuild WHERE status IN " + ACTIVE
                        + " AND (owner = ? OR heartbeat_at < now() - ? * interval '1 millisecond')",
                String.class,
                owner,
                properties.heartbeatTimeout().toMillis());
        for (String name : names) {
            if (projections.find(name).isEmpty() || running.containsKey(name)) {
                continue;
            }
            int claimed = jdbc.update(
                    "UPDATE projection_rebuild SET owner = ?, heartbeat_at = now() WHERE name = ? AND status IN "
                            + ACTIVE + " AND (owner = ? OR heartbeat_at < now() - ? * interval '1 millisecond')",
                    owner,
                    name,
                    owner,
                    properties.heartbeatTimeout().toMillis());
            if (claimed == 1) {
                Row row = row(name, "").orElseThrow();
                log.info(
                        "Projection {}: resuming the rebuild of version {} at position {}",
                        name,
                        row.toVersion(),
                        row.position());
                launch(row);
            }
        }
    }

    private void cleanUp() {
        List<Row> rows = jdbc.query(
                "SELECT * FROM projection_rebuild WHERE cleaned_at IS NULL AND ((status = 'SWITCHED' AND finished_at <"
                        + " now() - ? * interval '1 millisecond') OR status IN ('CANCELLED', 'FAILED'))",
                (rs, i) -> map(rs),
                properties.dropDelay().toMillis());
        for (Row row : rows) {
            if (projections.find(row.name()).isEmpty() || running.containsKey(row.name())) {
                continue;
            }
            if (row.status() == Status.SWITCHED) {
                projections.drop(row.name(), row.fromVersion());
                jdbc.update(
                        "UPDATE projection_rebuild SET cleaned_at = now() WHERE name = ? AND to_version = ?",
                        row.name(),
                        row.toVersion());
            } else {
                dropTarget(row);
            }
        }
    }

    // ---- reading state
    // -------------------------------------------------------------------------------------------------

    private Projections.Definition definition(String name) {
        return projections.find(name).orElseThrow(() -> ApiProblem.notFound("No projection named " + name));
    }

    private Optional<Row> row(String name, String lock) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE name = ?" + lock, (rs, i) -> map(rs), name).stream()
                .findFirst();
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long position = rs.getLong("position");
        boolean noPosition = rs.wasNull();
        return new Row(
                rs.getString("name"),
                rs.getInt("from_version"),
                rs.getInt("to_version"),
                Status.valueOf(rs.getString("status")),
                rs.getLong("processed"),
                rs.getLong("total"),
                noPosition ? null : position,
                rs.getString("gaps"),
                rs.getString("owner"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("error"),
                (Integer) rs.getObject("max_rate"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private RebuildStatus status(Row row) {
        RebuildRun run = running.get(row.name());
        RebuildStatus status = run != null && row.status().active() ? run.status(row) : RebuildRun.stored(row);
        lastKnown.put(row.name(), status);
        return status;
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().orElse(-1);
    }

    private static String gaps(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware
                && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return null;
    }

    // ---- lifecycle
    // -----------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        for (Projections.Definition projection : projections.all()) {
            String name = projection.name();
            Gauge.builder("cps.projection.rebuild.processed", lastKnown, m -> value(m, name, RebuildStatus::processed))
                    .description("Events of the event table a rebuild has gone through")
                    .tag("projection", name)
                    .register(meters);
            Gauge.builder("cps.projection.rebuild.total", lastKnown, m -> value(m, name, RebuildStatus::total))
                    .description("Events in the event table when the rebuild last counted")
                    .tag("projection", name)
                    .register(meters);
            Gauge.builder("cps.projection.rebuild.rate", lastKnown, m -> value(m, name, RebuildStatus::eventsPerSecond))
                    .description("Events per second of the running rebuild")
                    .baseUnit("events/s")
                    .tag("projection", name)
                    .register(meters);
            latest(name); // seeds the gauges
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = properties.housekeepingInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(this::housekeeping, 0, every, TimeUnit.MILLISECONDS);
        started = true;
    }

    private static double value(
            Map<String, RebuildStatus> known, String name, java.util.function.ToDoubleFunction<RebuildStatus> f) {
        RebuildStatus status = known.get(name);
        return status == null ? 0 : f.applyAsDouble(status);
    }

    /** Stops the runs without cancelling them: they stay RUNNING and this instance resumes them when it is back. */
    @Override
    public void stop() {
        started = false;
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        running.values().forEach(RebuildRun::stop);
        running.values().forEach(run -> run.await(Duration.ofSeconds(10)));
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Starts after, and stops before, the processors and the web server's requests drain. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
