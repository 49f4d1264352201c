package com.canon.cps.platform.publishing;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.eventstore.IsoInstants;
import com.canon.cps.platform.eventstore.TraceContext;
import com.canon.cps.platform.observability.MessageSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store is the outbox: this streaming processor reads every internal event in order, maps it to the
 * service's contract event and sends it to {@code cps.<service>.events}. Records of a whole batch are sent
 * asynchronously; before the batch's unit of work commits (and with it the processor's token) every
 * acknowledgement ({@code acks=all}, idempotent producer) is awaited. A failed send fails the batch: the token stays
 * where it was and the processor retries with back-off, so nothing is lost; a retried batch may send a record
 * again, with the same {@code ce_id}, which consumers deduplicate.
 */
@ProcessingGroup(ContractEventPublisher.PROCESSING_GROUP)
public class ContractEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = ContractEventPublisher.class.getName() + ".pending";

    private final ContractEventMapper mapper;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final PlatformProperties properties;
    private final MeterRegistry meters;
    private final MessageSpans spans;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();

    public ContractEventPublisher(
            ContractEventMapper mapper,
            KafkaTemplate<String, byte[]> kafka,
            JsonMapper json,
            PlatformProperties properties,
            MeterRegistry meters,
            MessageSpans spans) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
        this.spans = spans;
    }

    /**
     * Contract events acknowledged by the broker, per topic and {@code ce_type}: the business counters too
     * (applications = AccountApplicationSubmitted, verifications = AccountVerified, activations =
     * MembershipActivated, invoices = InvoiceIssued, …). A projection rebuild publishes nothing, so it counts nothing.
     */
    private Counter published(String type) {
        return published.computeIfAbsent(
                type,
                t -> Counter.builder("cps.events.published")
                        .description("Contract events acknowledged by the broker")
                        .tag("topic", properties.topic())
                        .tag("type", t)
                        .register(meters));
    }

    /** Connects the producer and loads the topic's metadata at start-up instead of on the first event. */
    @EventListener(ApplicationReadyEvent.class)
    public void connect() {
        try {
            kafka.partitionsFor(properties.topic());
        } catch (RuntimeException e) {
            // the broker may be down at start-up; the first send connects (and the processor retries until it can)
        }
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        Pending sent = send(event);
        if (sent != null) {
            pending(unitOfWork).add(sent);
        }
    }

    /**
     * Sends the contract event {@code event} maps to, asynchronously; {@code null} when it maps to none. The caller
     * awaits the acknowledgement ({@link #awaitAll}) before it moves its position past {@code event}.
     */
    Pending send(EventMessage<?> event) {
        Optional<OutboundEvent> outbound = mapper.map(event);
        if (outbound.isEmpty()) {
            return null;
        }
        // a producer span, child of this event's span at the publisher; its context goes out in the header
        Span span = spans.startProducer(
                "publish " + outbound.get().type(),
                Map.of(
                        "messaging.system", "kafka",
                        "messaging.destination.name", properties.topic(),
                        "messaging.message.id", event.getIdentifier()));
        CompletableFuture<?> ack;
        try {
            ack = kafka.send(toRecord(event, outbound.get(), span == null ? null : MessageSpans.traceparent(span)));
        } catch (RuntimeException e) {
            if (span != null) {
                span.error(e).end();
            }
            throw e;
        }
        if (span != null) {
            ack.whenComplete((result, failure) -> {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            });
        }
        return new Pending(outbound.get().type(), ack);
    }

    ProducerRecord<String, byte[]> toRecord(EventMessage<?> event, OutboundEvent out) {
        return toRecord(event, out, null);
    }

    /** The record of {@code out}; {@code traceparent} is the producer span's, else the event's context is used. */
    ProducerRecord<String, byte[]> toRecord(EventMessage<?> event, OutboundEvent out, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.getIdentifier());
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.TYPE, out.type());
        header(headers, CloudEventHeaders.SOURCE, properties.source());
        header(headers, CloudEventHeaders.SUBJECT, out.subject());
        header(headers, CloudEventHeaders.TIME, IsoInstants.format(event.getTimestamp()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        Object trace = traceparent != null ? traceparent : event.getMetaData().get(TraceContext.METADATA_KEY);
        header(
                headers,
                CloudEventHeaders.TRACEPARENT,
                trace instanceof String t && TraceContext.valid(t) ? t : TraceContext.childOf(null));
        return new ProducerRecord<>(
                properties.topic(), null, out.subject(), json.writeValueAsBytes(out.data()), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A record handed to the producer: its {@code ce_type} and the broker's acknowledgement to come. */
    record Pending(String type, CompletableFuture<?> ack) {}

    /** One list per batch; awaited once, just before the batch (and the token) commits. */
    private List<Pending> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Pending> futures = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAll(futures));
            return futures;
        });
    }

    /**
     * Waits until the broker acknowledged every record of a batch (within {@code cps.publisher.ack-timeout} for the
     * whole batch) and counts them; throws {@link PublishFailedException} when one failed or did not come in time.
     */
    void awaitAll(List<Pending> futures) {
        long deadline = System.nanoTime() + properties.publisher().ackTimeout().toNanos();
        try {
            for (Pending future : futures) {
                future.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for broker acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("broker did not acknowledge a batch of " + futures.size(), e);
        }
        futures.forEach(f -> published(f.type()).increment());
    }

    /** The batch was not acknowledged; the processor retries it. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
