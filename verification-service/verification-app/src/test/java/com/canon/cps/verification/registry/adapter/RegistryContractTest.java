package com.canon.cps.verification.registry.adapter;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import com.canon.cps.verification.registry.VatRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;

/**
 * What every contract test of a live registry adapter shares: the registry as a stub replaying its recorded exchanges
 * ({@code party}), the HTTP client with the time limits of the tests, the fixed time of the answers, and the fault an
 * adapter throws.
 */
abstract class RegistryContractTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final RecordedExchanges party = RecordedExchanges.start();
    /** Answers within 1.5s (a cold first call on a busy build machine may need more than 0.5s); SLOW ones take 3s. */
    final RegistryHttp http = new RegistryHttp(Duration.ofSeconds(1), Duration.ofMillis(1500));

    @AfterEach
    void closeTheParty() {
        party.close();
    }

    /** The fault {@code registry} throws for {@code vatId}; an answer fails the test. */
    static RegistryFault fault(VatRegistry registry, String vatId) {
        try {
            registry.check(vatId);
        } catch (RegistryFaultException e) {
            return e.fault();
        }
        throw new AssertionError("no fault");
    }
}
