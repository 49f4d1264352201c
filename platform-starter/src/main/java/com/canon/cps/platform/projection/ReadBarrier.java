package com.canon.cps.platform.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-your-writes for the projections of this service (ADR 17): {@link #await(Duration)} returns once every
 * projection has handled, and committed, every event that was in the event store when it was called. A client that
 * got the answer to its write before it asked to read therefore reads a view that contains that write.
 *
 * <p>Why the committed tokens and not the processors' in-memory status: a token is stored after the read-model writes
 * of its batch (ADR 12), and it is visible to every instance, also when another instance owns the segment. A
 * gap-aware token can be past the head while an event below it is still a gap; such a token counts only when none of
 * its gaps up to the head is a committed event.
 */
public class ReadBarrier {

    private static final Duration POLL = Duration.ofMillis(5);

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Projections projections;

    public ReadBarrier(JdbcTemplate jdbc, Serializer tokenSerializer, Projections projections) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.projections = projections;
    }

    /**
     * Waits until every projection caught up with the events committed before this call.
     *
     * @return {@code false} when {@code max} passed first (the caller then reads what there is)
     */
    public boolean await(Duration max) {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        if (head < 0) {
            return true;
        }
        long deadline = System.nanoTime() + max.toNanos();
        Set<String> pending = new HashSet<>();
        projections.all().forEach(p -> pending.add(p.name()));
        while (true) {
            pending.removeIf(processor -> caughtUp(processor, head));
            if (pending.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean caughtUp(String processor, long head) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, row) -> token(rs.getBytes(1), rs.getString(2)),
                processor);
        if (tokens.isEmpty()) {
            return false;
        }
        List<Long> gaps = new ArrayList<>();
        for (TrackingToken token : tokens) {
            if (token == null || token.position().orElse(-1) < head) {
                return false;
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gapAware.getGaps().stream().filter(gap -> gap <= head).forEach(gaps::add);
            }
        }
        return gaps.isEmpty() || committedAmong(gaps) == 0;
    }

    private int committedAmong(List<Long> globalIndexes) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex = ANY (?)", Integer.class, (Object)
                        globalIndexes.toArray(Long[]::new));
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, serializedType));
    }
}
