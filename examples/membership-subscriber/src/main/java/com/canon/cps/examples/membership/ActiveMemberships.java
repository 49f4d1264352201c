package com.canon.cps.examples.membership;

import com.canon.cps.membership.contract.AutoRenewalChanged;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipRenewed;
import com.canon.cps.membership.contract.MembershipSuspended;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The active CPS memberships, by account id, followed from {@code cps.membership.events} the way any downstream
 * system may: plain kafka-clients, the records of {@code membership-contract}, JSON read with Jackson.
 *
 * <ul>
 *   <li>Reads from the beginning: its own consumer group, {@code auto.offset.reset=earliest}, and no offsets
 *       committed, because the state lives in memory and is rebuilt at every start. A subscriber that stores its
 *       state would commit offsets (and the ids it has processed) together with it.
 *   <li>At-least-once delivery: a record whose {@code ce_id} was seen already is skipped.
 *   <li>Tolerant reader: only the {@code ce_type}s below are read, others are ignored; unknown JSON fields are
 *       ignored.
 *   <li>Per account the events arrive in order (key = account id, one partition), which the rules rely on:
 *       MembershipActivated adds, MembershipRenewed moves the term, AutoRenewalChanged switches the flag,
 *       MembershipSuspended sets the membership aside (an invoice is unpaid after dunning: not active, but kept with
 *       its term, so renewals and switches still apply to it), MembershipReactivated brings it back, MembershipExpired
 *       removes it either way.
 * </ul>
 *
 * <p>One thread runs {@link #run}; any thread may read {@link #snapshot} and call {@link #close}.
 */
public final class ActiveMemberships implements AutoCloseable {

    public static final String TOPIC = "cps.membership.events";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, ActiveMembership> active = new HashMap<>();
    /** Memberships suspended for an unpaid invoice: not active, kept until reactivated or expired. */
    private final Map<String, ActiveMembership> suspended = new HashMap<>();
    /** The last auto-renewal setting per account, for a renewal whose activation this subscriber never saw. */
    private final Map<String, Boolean> autoRenew = new HashMap<>();

    private final Set<String> seen = new HashSet<>();
    private volatile boolean running = true;

    /** State only, fed through {@link #apply}: for a subscriber that brings its own consumer. */
    public ActiveMemberships() {
        this.consumer = null;
    }

    private ActiveMemberships(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Subscribes to {@value #TOPIC} on {@code bootstrapServers} as consumer group {@code groupId}. */
    public static ActiveMemberships follow(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return new ActiveMemberships(consumer);
    }

    /**
     * Polls until {@link #close}; after every poll that changed something, hands a snapshot to {@code onChange}.
     * Closes the consumer on the way out.
     */
    public void run(Consumer<Map<String, ActiveMembership>> onChange) {
        if (consumer == null) {
            throw new IllegalStateException("not following a topic: create it with follow(...)");
        }
        try {
            while (running) {
                boolean changed = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    changed |= apply(header(record, "ce_id"), header(record, "ce_type"), record.value());
                }
                if (changed) {
                    onChange.accept(snapshot());
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close();
        }
    }

    /**
     * Applies one event. Returns whether the memberships changed; duplicates (same {@code ce_id}), unknown types and
     * events without an effect return false. An event of a known type whose value cannot be read is reported and
     * skipped: a real subscriber would park it for an operator rather than stop.
     */
    public synchronized boolean apply(String ceId, String ceType, byte[] value) {
        if (ceType == null || !ceType.startsWith("cps.membership.")) {
            return false;
        }
        if (ceId != null && !seen.add(ceId)) {
            return false; // delivered again
        }
        try {
            switch (ceType) {
                case MembershipActivated.TYPE -> {
                    MembershipActivated e = JSON.readValue(value, MembershipActivated.class);
                    autoRenew.put(e.accountId(), e.autoRenew());
                    suspended.remove(e.accountId());
                    active.put(
                            e.accountId(),
                            new ActiveMembership(
                                    e.accountId(),
                                    e.membershipNumber(),
                                    e.tier(),
                                    e.startsOn(),
                                    e.expiresOn(),
                                    e.autoRenew()));
                    return true;
                }
                case MembershipRenewed.TYPE -> {
                    MembershipRenewed e = JSON.readValue(value, MembershipRenewed.class);
                    if (suspended.containsKey(e.accountId())) {
                        // a renewal ordered before the suspension runs on; the membership stays suspended
                        suspended.computeIfPresent(
                                e.accountId(), (id, m) -> m.renewed(e.tier(), e.startsOn(), e.expiresOn()));
                        return false;
                    }
                    ActiveMembership current = active.get(e.accountId());
                    active.put(
                            e.accountId(),
                            current != null
                                    ? current.renewed(e.tier(), e.startsOn(), e.expiresOn())
                                    : new ActiveMembership(
                                            e.accountId(),
                                            e.membershipNumber(),
                                            e.tier(),
                                            e.startsOn(),
                                            e.expiresOn(),
                                            autoRenew.getOrDefault(e.accountId(), true)));
                    return true;
                }
                case AutoRenewalChanged.TYPE -> {
                    AutoRenewalChanged e = JSON.readValue(value, AutoRenewalChanged.class);
                    autoRenew.put(e.accountId(), e.autoRenew());
                    suspended.computeIfPresent(e.accountId(), (id, m) -> m.withAutoRenew(e.autoRenew()));
                    return active.computeIfPresent(e.accountId(), (id, m) -> m.withAutoRenew(e.autoRenew())) != null;
                }
                case MembershipSuspended.TYPE -> {
                    MembershipSuspended e = JSON.readValue(value, MembershipSuspended.class);
                    ActiveMembership m = active.remove(e.accountId());
                    if (m != null) {
                        suspended.put(e.accountId(), m);
                    }
                    return m != null;
                }
                case MembershipReactivated.TYPE -> {
                    MembershipReactivated e = JSON.readValue(value, MembershipReactivated.class);
                    ActiveMembership m = suspended.remove(e.accountId());
                    if (m != null) {
                        active.put(e.accountId(), m);
                    }
                    return m != null;
                }
                case MembershipExpired.TYPE -> {
                    MembershipExpired e = JSON.readValue(value, MembershipExpired.class);
                    suspended.remove(e.accountId());
                    return active.remove(e.accountId()) != null;
                }
                default -> {
                    return false; // MembershipInvited, SubscriptionOrdered, types of later versions: not needed here
                }
            }
        } catch (JacksonException e) {
            System.err.println("skipped " + ceType + " " + ceId + ": " + e.getOriginalMessage());
            return false;
        }
    }

    /** The active memberships by account id, sorted. */
    public synchronized Map<String, ActiveMembership> snapshot() {
        return new TreeMap<>(active);
    }

    /** The memberships suspended for an unpaid invoice (not active), by account id, sorted. */
    public synchronized Map<String, ActiveMembership> suspended() {
        return new TreeMap<>(suspended);
    }

    /** Stops {@link #run} (which then closes the consumer). */
    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
