package com.canon.cps.platform.publishing;

import java.util.List;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The publisher's view of the event table ({@code domainevententry}): batches after a position, in global index
 * order, through Axon's JDBC engine, so with the gap-aware query Axon's own processors use (an index below the
 * position that had no committed row when it was passed is a gap in the {@link GapAwareTrackingToken} and is read
 * again until its row commits or Axon drops the gap, docs/adr/0026), the service's event serializer and its
 * upcasters. It never appends.
 */
final class EventTableTail extends JdbcEventStorageEngine implements TablePublisher.Source {

    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;

    EventTableTail(Builder builder, Serializer eventSerializer, EventUpcaster upcasters) {
        super(builder);
        this.eventSerializer = eventSerializer;
        this.upcasters = upcasters;
    }

    /**
     * Up to {@code max} rows after {@code token} ({@code null}: from the first), upcast and lazily deserialised (a
     * payload only when the mapper asks for it).
     */
    @Override
    public Batch read(TrackingToken token, int max) {
        List<? extends TrackedEventData<?>> rows = fetchTrackedEvents(token, max);
        if (rows.isEmpty()) {
            return new Batch(List.of(), token, 0);
        }
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        rows.stream(), eventSerializer, upcasters)
                .toList();
        return new Batch(events, rows.get(rows.size() - 1).trackingToken(), rows.size());
    }

    /** The events of one read (an upcaster may drop or split rows), the position after its last row, its rows. */
    record Batch(List<TrackedEventMessage<?>> events, TrackingToken last, int rows) {}
}
