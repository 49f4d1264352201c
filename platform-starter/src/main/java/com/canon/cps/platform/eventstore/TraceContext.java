package com.canon.cps.platform.eventstore;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * W3C trace context ({@code traceparent}) carried from an HTTP request or an inbound Kafka record into command
 * metadata, from there (by Axon's correlation data) into the events, and by the publisher into the Kafka header, so
 * one trace id follows a request across services. Work caused by an inbound record also carries the time the
 * upstream service appended that event ({@value #ORIGIN_TIME_KEY}), from which {@code cps.events.age} measures how
 * long an event took from its append in one service to its handling in the next.
 */
public final class TraceContext {

    public static final String METADATA_KEY = "traceparent";
    /** Metadata: epoch milliseconds at which the upstream service appended the event that caused this work. */
    public static final String ORIGIN_TIME_KEY = "originTime";

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Instant> ORIGIN = new ThreadLocal<>();

    private TraceContext() {}

    /**
     * The trace context of the work in progress: an inbound record (or a deadline) being handled, else the message an
     * Axon handler is handling, else the HTTP request.
     */
    public static String current() {
        String inbound = CURRENT.get();
        if (inbound != null) {
            return inbound;
        }
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage().getMetaData().get(METADATA_KEY) instanceof String handled
                && valid(handled)) {
            return handled;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String header = request.getHeader(METADATA_KEY);
            return valid(header) ? header : null;
        }
        return null;
    }

    /** Runs {@code work} for an inbound record: its trace context, and when its event was appended upstream. */
    public static <T> T with(String traceparent, Instant originTime, Supplier<T> work) {
        String previous = CURRENT.get();
        Instant previousOrigin = ORIGIN.get();
        CURRENT.set(valid(traceparent) ? traceparent : null);
        ORIGIN.set(originTime);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
            ORIGIN.set(previousOrigin);
        }
    }

    public static boolean valid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    /** A new span in the given trace, or a new trace when there is none. */
    public static String childOf(String parent) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = valid(parent) ? parent.substring(3, 35) : hex(random, 16);
        return "00-" + traceId + "-" + hex(random, 8) + "-01";
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Gives every dispatched command a traceparent (a child of the current context, or a new trace) and, when it is
     * caused by an inbound record, the time that record's event was appended upstream.
     */
    public static final class CommandTraceInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                CommandMessage<?> traced = command.getMetaData().containsKey(METADATA_KEY)
                        ? command
                        : command.andMetaData(Map.of(METADATA_KEY, childOf(current())));
                Instant origin = ORIGIN.get();
                return origin == null || traced.getMetaData().containsKey(ORIGIN_TIME_KEY)
                        ? traced
                        : traced.andMetaData(Map.of(ORIGIN_TIME_KEY, origin.toEpochMilli()));
            };
        }
    }
}
