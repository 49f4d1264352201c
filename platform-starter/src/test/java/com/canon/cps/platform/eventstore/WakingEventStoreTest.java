package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakingEventStoreTest {

    private final WakingEventStore store =
            new WakingEventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aCommitRunsTheCallbackOfEveryOpenStream_inTheCommittingThread() throws Exception {
        List<Thread> wokenIn = new CopyOnWriteArrayList<>();
        TrackingEventStream first = store.openStream(null);
        TrackingEventStream second = store.openStream(null);
        assertThat(first.setOnAvailableCallback(() -> wokenIn.add(Thread.currentThread())))
                .as("a pooled processor is told about new events instead of polling")
                .isTrue();
        second.setOnAvailableCallback(() -> wokenIn.add(Thread.currentThread()));
        wokenIn.clear(); // the fallback may have run meanwhile: only what the commit does counts below

        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> store.publish(GenericEventMessage.asEventMessage("appended")));

        assertThat(wokenIn).filteredOn(t -> t == Thread.currentThread()).hasSize(2);
        assertThat(first.hasNextAvailable()).isTrue();
        assertThat(first.nextAvailable().getPayload()).isEqualTo("appended");
    }

    @Test
    void aClosedStreamIsNoLongerWoken() {
        List<String> woken = new CopyOnWriteArrayList<>();
        TrackingEventStream stream = store.openStream(null);
        stream.setOnAvailableCallback(() -> woken.add("woken"));
        stream.close();
        woken.clear();

        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> store.publish(GenericEventMessage.asEventMessage("appended")));

        assertThat(woken).isEmpty();
    }
}
