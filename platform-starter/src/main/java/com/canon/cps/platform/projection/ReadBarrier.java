package com.canon.cps.platform.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * <p>A segment counts as caught up when its committed token, or this instance's in-memory position of the segment,
 * is at the head. The committed token is stored after the read-model writes of its batch (ADR 12) and is visible to
 * every instance, also when another instance owns the segment. But an Axon pooled processor stores its token only for
 * a batch holding an event its projection handles; past events it does not handle (another aggregate's, most of the
 * store for most projections) it moves only in memory and stores the token at the next claim extension (5 s), so a
 * barrier on stored tokens alone waited out its maximum after nearly every write. The in-memory position is set after
 * the commit of a handled batch and at once past events without a handler, so it is at the head only when the view
 * holds everything up to it. A gap-aware token can be past the head while an event below it is still a gap; such a
 * token counts only when none of its gaps up to the head is a committed event.
 */
public class ReadBarrier {

    private static final Duration POLL = Duration.ofMillis(5);

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Projections projections;
    private final Function<String, Map<Integer, TrackingToken>> localPositions;

    /**
     * @param localPositions a projection's processor name to the positions of the segments this instance processes
     *     (none when it processes none)
     */
    public ReadBarrier(
            JdbcTemplate jdbc,
            Serializer tokenSerializer,
            Projections projections,
            Function<String, Map<Integer, TrackingToken>> localPositions) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.projections = projections;
        this.localPositions = localPositions;
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
        List<Segment> segments = jdbc.query(
                "SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, row) -> new Segment(rs.getInt(1), token(rs.getBytes(2), rs.getString(3))),
                processor);
        if (segments.isEmpty()) {
            return false;
        }
        Map<Integer, TrackingToken> local = localPositions.apply(processor);
        for (Segment segment : segments) {
            if (!atHead(segment.stored(), head) && !atHead(local.get(segment.id()), head)) {
                return false;
            }
        }
        return true;
    }

    private record Segment(int id, TrackingToken stored) {}

    /** Whether {@code token} is at or past {@code head} with none of its gaps up to the head a committed event. */
    private boolean atHead(TrackingToken token, long head) {
        if (token == null || token.position().orElse(-1) < head) {
            return false;
        }
        List<Long> gaps = new ArrayList<>();
        if (token instanceof GapAwareTrackingToken gapAware) {
            gapAware.getGaps().stream().filter(gap -> gap <= head).forEach(gaps::add);
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
