package com.canon.cps.platform.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state of rebuilds in PostgreSQL: {@code projection_rebuild} (one row per projection, its latest rebuild) and
 * the version numbers in {@code projection_version}. Only SQL; what the states mean is decided by its callers.
 */
final class RebuildStore {

    private static final String ACTIVE = "('RUNNING','CAUGHT_UP')";

    /** Lifecycle of a rebuild, as docs/api.md names it. */
    enum Status {
        RUNNING,
        CAUGHT_UP,
        SWITCHED,
        CANCELLED,
        FAILED;

        boolean active() {
            return this == RUNNING || this == CAUGHT_UP;
        }
    }

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

    /** The active version of a projection and the highest version handed out so far. */
    record Versions(int active, int last) {}

    private final JdbcTemplate jdbc;

    RebuildStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> row(String name) {
        return row(name, "");
    }

    /** The row, locked until the end of the caller's transaction. */
    Optional<Row> lockedRow(String name) {
        return row(name, " FOR UPDATE");
    }

    /**
     * Locks the version row of {@code name} until the end of the caller's transaction (live batches writing into the
     * active version hold the same lock).
     */
    Versions lockVersions(String name) {
        Map<String, Object> version = jdbc.queryForMap(
                "SELECT active_version, last_version FROM projection_version WHERE name = ? FOR NO KEY UPDATE", name);
        return new Versions(
                ((Number) version.get("active_version")).intValue(), ((Number) version.get("last_version")).intValue());
    }

    void reserveVersion(String name, int version) {
        jdbc.update("UPDATE projection_version SET last_version = ? WHERE name = ?", version, name);
    }

    void activateVersion(String name, int version) {
        jdbc.update("UPDATE projection_version SET active_version = ? WHERE name = ?", version, name);
    }

    /** A new rebuild of {@code name} (replacing the previous row), RUNNING and owned by {@code owner}. */
    Row begin(String name, int from, int to, long total, String owner, Integer maxRate) {
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
        return row(name).orElseThrow();
    }

    /** Marks the running rebuild of {@code name} CANCELLED; false when none was running. */
    boolean cancel(String name) {
        return jdbc.update(
                        "UPDATE projection_rebuild SET status = 'CANCELLED', finished_at = now() WHERE name = ? AND"
                                + " status IN " + ACTIVE,
                        name)
                > 0;
    }

    /** Records progress of {@code owner}'s running rebuild; false when it is not {@code owner}'s or not running. */
    boolean heartbeat(String name, String owner, Status status, TrackingToken token, long processed, long total) {
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

    boolean ownsRunning(String name, String owner) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM projection_rebuild WHERE name = ? AND owner = ? AND status IN " + ACTIVE,
                        Integer.class,
                        name,
                        owner)
                .isEmpty();
    }

    /** A switch whose old version has not been dropped yet. */
    boolean settling(String name) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM projection_rebuild WHERE name = ? AND status = 'SWITCHED' AND cleaned_at IS NULL",
                        Integer.class,
                        name)
                .isEmpty();
    }

    void switched(String name, TrackingToken token, long processed) {
        jdbc.update(
                "UPDATE projection_rebuild SET status = 'SWITCHED', position = ?, gaps = ?, processed = ?,"
                        + " total = ?, heartbeat_at = now(), finished_at = now() WHERE name = ?",
                position(token),
                gaps(token),
                processed,
                processed,
                name);
    }

    /** Marks {@code owner}'s running rebuild FAILED; false when it was not {@code owner}'s or not running. */
    boolean failed(String name, String owner, String message) {
        return jdbc.update(
                        "UPDATE projection_rebuild SET status = 'FAILED', error = ?, finished_at = now() WHERE name = ?"
                                + " AND owner = ? AND status IN " + ACTIVE,
                        message.length() > 1000 ? message.substring(0, 1000) : message,
                        name,
                        owner)
                == 1;
    }

    /** The collections no longer needed after the rebuild into {@code toVersion} are gone. */
    void cleaned(String name, int toVersion) {
        jdbc.update(
                "UPDATE projection_rebuild SET cleaned_at = now() WHERE name = ? AND to_version = ?", name, toVersion);
    }

    /** Running rebuilds that are {@code owner}'s or whose owner has not reported for {@code timeout}. */
    List<String> claimable(String owner, Duration timeout) {
        return jdbc.queryForList(
                "SELECT name FROM projection_rebuild WHERE status IN " + ACTIVE
                        + " AND (owner = ? OR heartbeat_at < now() - ? * interval '1 millisecond')",
                String.class,
                owner,
                timeout.toMillis());
    }

    /** Makes {@code owner} the owner of the running rebuild of {@code name} if it is still claimable. */
    boolean claim(String name, String owner, Duration timeout) {
        return jdbc.update(
                        "UPDATE projection_rebuild SET owner = ?, heartbeat_at = now() WHERE name = ? AND status IN "
                                + ACTIVE + " AND (owner = ? OR heartbeat_at < now() - ? * interval '1 millisecond')",
                        owner,
                        name,
                        owner,
                        timeout.toMillis())
                == 1;
    }

    /** Rebuilds whose leftover collections may go: switched longer than {@code dropDelay} ago, cancelled, failed. */
    List<Row> leftovers(Duration dropDelay) {
        return jdbc.query(
                "SELECT * FROM projection_rebuild WHERE cleaned_at IS NULL AND ((status = 'SWITCHED' AND finished_at <"
                        + " now() - ? * interval '1 millisecond') OR status IN ('CANCELLED', 'FAILED'))",
                (rs, i) -> map(rs),
                dropDelay.toMillis());
    }

    private Optional<Row> row(String name, String lock) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE name = ?" + lock, (rs, i) -> map(rs), name).stream()
                .findFirst();
    }

    private static Row map(ResultSet rs) throws SQLException {
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
}
