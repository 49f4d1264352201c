package com.canon.cps.platform.observability;

import com.canon.cps.platform.eventstore.TraceContext;
import io.micrometer.tracing.Span;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Spans of Axon's command and event handling (the {@code axon-tracing} extension is not served for Axon 4.13): a
 * span per handled command and per event at each processor, a child of the message's {@code traceparent}. The events
 * a command applies and the commands an event handler sends carry the handler's span (Axon's correlation data, see
 * {@link TraceContext.Correlation}). A replay makes no spans: old events do not belong to a trace of today.
 */
public final class AxonSpans {

    private AxonSpans() {}

    /** {@code command <Name>}, registered on the command bus. */
    public static final class Commands implements MessageHandlerInterceptor<CommandMessage<?>> {
        private final MessageSpans spans;

        public Commands(MessageSpans spans) {
            this.spans = spans;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            return spans.inSpan(
                    "command " + simpleName(command.getCommandName()),
                    null,
                    traceparent(command.getMetaData().get(TraceContext.METADATA_KEY)),
                    Map.of("axon.message.id", command.getIdentifier()),
                    chain::proceed);
        }
    }

    /** {@code event <Name>} at processor {@code processor}, registered as every processor's handler interceptor. */
    public static final class Events implements MessageHandlerInterceptor<EventMessage<?>> {
        private final MessageSpans spans;
        private final String processor;

        public Events(MessageSpans spans, String processor) {
            this.spans = spans;
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            if (ReplayToken.isReplay(event)) {
                return chain.proceed();
            }
            return spans.inSpan(
                    "event " + simpleName(event.getPayloadType().getName()),
                    Span.Kind.CONSUMER,
                    traceparent(event.getMetaData().get(TraceContext.METADATA_KEY)),
                    Map.of("axon.processor", processor, "axon.message.id", event.getIdentifier()),
                    chain::proceed);
        }
    }

    private static String traceparent(Object value) {
        return value instanceof String s && TraceContext.valid(s) ? s : null;
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
