package com.canon.cps.verification.registry;

import com.canon.cps.platform.resilience.ResilientCalls;
import com.canon.cps.verification.config.RegistrySettings;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry port as the application uses it: routes each VAT ID to its registry's adapter and protects every call
 * with Resilience4j, outermost first: retry (transient faults only, exponential back-off), circuit breaker (per
 * registry and country), bulkhead (concurrent calls per registry), time limiter. Never throws: every fault, including
 * our own refusals (open circuit, full bulkhead), is an {@link RegistryAnswer.Unavailable} answer.
 */
public class ResilientVatRegistry implements VatRegistry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientVatRegistry.class);

    private final Map<Registry, VatRegistry> adapters;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ResilientCalls calls;

    public ResilientVatRegistry(
            Map<Registry, VatRegistry> adapters, RegistrySettings settings, Clock clock, MeterRegistry meters) {
        this.adapters = new EnumMap<>(adapters);
        this.clock = clock;
        this.meters = meters;
        this.calls = ResilientCalls.named("vat-registry")
                .policy(settings.resilience())
                .failureWhen(ResilientVatRegistry::registryUnhealthy)
                // a permanent fault (e.g. INVALID_INPUT) is about our question, not about the registry's health
                .ignore(e -> e instanceof RegistryFaultException f && !f.fault().isTransient())
                .retryOn(e -> e instanceof RegistryFaultException f && f.fault().isTransient())
                .attemptFaults(new AttemptFaults())
                .build(meters);
    }

    @Override
    public RegistryAnswer check(String vatId) {
        Optional<Registry> routed = Registry.forVatId(vatId);
        if (routed.isEmpty() || !adapters.containsKey(routed.get())) {
            return count(new RegistryAnswer.Unavailable(
                    routed.orElse(null), vatId, RegistryFault.INVALID_INPUT, clock.instant()));
        }
        Registry registry = routed.get();
        VatRegistry adapter = adapters.get(registry);
        ResilientCalls.Instances instances =
                new ResilientCalls.Instances(registry.name(), breakerName(registry, vatId), registry.name());
        try {
            return count(calls.call(instances, () -> adapter.check(vatId)));
        } catch (RegistryFaultException e) {
            return count(unavailable(registry, vatId, e.fault()));
        } catch (CallNotPermittedException e) {
            return count(unavailable(registry, vatId, RegistryFault.CIRCUIT_OPEN));
        } catch (BulkheadFullException e) {
            return count(unavailable(registry, vatId, RegistryFault.BULKHEAD_FULL));
        } catch (RuntimeException e) {
            log.warn("VAT registry {} failed unexpectedly for a check: {}", registry, e.toString());
            return count(unavailable(registry, vatId, RegistryFault.TECHNICAL_ERROR));
        }
    }

    /** Circuit breaker of one registry for one country, e.g. {@code VIES-DE}. */
    static String breakerName(Registry registry, String vatId) {
        return registry.name() + "-" + vatId.substring(0, 2);
    }

    /** The breaker's state, for operations and tests. */
    public CircuitBreaker.State circuitState(String vatId) {
        Registry registry = Registry.forVatId(vatId).orElseThrow();
        return calls.circuitState(breakerName(registry, vatId));
    }

    /** What one attempt's failures become: the adapters' own exceptions pass, a checked one is a technical error. */
    private static final class AttemptFaults implements ResilientCalls.AttemptFaults {

        @Override
        public RuntimeException timedOut(Exception cause) {
            return new RegistryFaultException(RegistryFault.TIMEOUT);
        }

        @Override
        public RuntimeException failed(Exception cause) {
            return cause instanceof RuntimeException e ? e : new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        }
    }

    private RegistryAnswer unavailable(Registry registry, String vatId, RegistryFault fault) {
        return new RegistryAnswer.Unavailable(registry, vatId, fault, clock.instant());
    }

    private static boolean registryUnhealthy(Throwable e) {
        return !(e instanceof RegistryFaultException f) || f.fault().isTransient();
    }

    private RegistryAnswer count(RegistryAnswer answer) {
        String outcome;
        String fault = "none";
        if (answer instanceof RegistryAnswer.Valid) {
            outcome = "VALID";
        } else if (answer instanceof RegistryAnswer.Invalid) {
            outcome = "INVALID";
        } else {
            outcome = "UNAVAILABLE";
            fault = ((RegistryAnswer.Unavailable) answer).fault().name();
        }
        Counter.builder("cps.verification.registry.checks")
                .description("VAT registry checks by registry and outcome (after retries)")
                .tag(
                        "registry",
                        answer.registry() == null ? "none" : answer.registry().name())
                .tag("outcome", outcome)
                .tag("fault", fault)
                .register(meters)
                .increment();
        return answer;
    }

    @Override
    public void close() {
        calls.close();
    }
}
