package com.canon.cps.verification.registry;

import com.canon.cps.platform.resilience.SimulatedFaults;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A local stand-in for all four registries, with the semantics of the VIES test service ({@code checkVatTestService}):
 * the national part of the VAT ID picks the answer.
 *
 * <table>
 *   <caption>Test numbers (any prefix, e.g. {@code DE100}, {@code GB302}, {@code CHE301})</caption>
 *   <tr><td>100</td><td>valid</td></tr>
 *   <tr><td>200</td><td>invalid</td></tr>
 *   <tr><td>201, 202</td><td>INVALID_INPUT, INVALID_REQUESTER_INFO</td></tr>
 *   <tr><td>300, 301, 302</td><td>SERVICE_UNAVAILABLE, MS_UNAVAILABLE, TIMEOUT</td></tr>
 *   <tr><td>400, 401</td><td>VAT_BLOCKED, IP_BLOCKED</td></tr>
 *   <tr><td>500, 501</td><td>GLOBAL_MAX_CONCURRENT_REQ, GLOBAL_MAX_CONCURRENT_REQ_TIME</td></tr>
 *   <tr><td>600, 601</td><td>MS_MAX_CONCURRENT_REQ, MS_MAX_CONCURRENT_REQ_TIME</td></tr>
 * </table>
 *
 * <p>Unlike the VIES test service (which answers {@code SERVICE_UNAVAILABLE} to every other number), any other VAT ID
 * is valid, so that real-looking numbers pass in local journeys. Each answer takes the configured latency; the outage
 * switch makes every call fail with {@code SERVICE_UNAVAILABLE} until it is turned off again. For fault injection, a
 * share of calls ({@code failureRate}) fails with {@code SERVICE_UNAVAILABLE}, and another ({@code timeoutRate}) hangs
 * for {@code hang} before it fails with {@code TIMEOUT} (the caller's time limit normally interrupts it first).
 */
public class SimulatedVatRegistry implements VatRegistry {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Map<String, RegistryFault> TEST_FAULTS = Map.ofEntries(
            Map.entry("201", RegistryFault.INVALID_INPUT),
            Map.entry("202", RegistryFault.INVALID_REQUESTER_INFO),
            Map.entry("300", RegistryFault.SERVICE_UNAVAILABLE),
            Map.entry("301", RegistryFault.MS_UNAVAILABLE),
            Map.entry("302", RegistryFault.TIMEOUT),
            Map.entry("400", RegistryFault.VAT_BLOCKED),
            Map.entry("401", RegistryFault.IP_BLOCKED),
            Map.entry("500", RegistryFault.GLOBAL_MAX_CONCURRENT_REQ),
            Map.entry("501", RegistryFault.GLOBAL_MAX_CONCURRENT_REQ_TIME),
            Map.entry("600", RegistryFault.MS_MAX_CONCURRENT_REQ),
            Map.entry("601", RegistryFault.MS_MAX_CONCURRENT_REQ_TIME));

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SimulatedFaults faults;

    public SimulatedVatRegistry(Clock clock, Duration latency, boolean outage) {
        this(clock, latency, outage, 0, 0, Duration.ofSeconds(30));
    }

    /**
     * @param failureRate share of calls failing with {@code SERVICE_UNAVAILABLE}
     * @param timeoutRate share of calls hanging for {@code hang}, then failing with {@code TIMEOUT}
     */
    public SimulatedVatRegistry(
            Clock clock, Duration latency, boolean outage, double failureRate, double timeoutRate, Duration hang) {
        this(clock, new SimulatedFaults.Settings(latency, outage, failureRate, timeoutRate, 0, hang));
    }

    /** The simulator with the faults it starts with (latency and outage may change while it runs). */
    public SimulatedVatRegistry(Clock clock, SimulatedFaults.Settings faults) {
        this.clock = clock;
        this.faults = new SimulatedFaults(
                "VAT registry", faults, random, what -> new RegistryFaultException(RegistryFault.TIMEOUT));
    }

    @Override
    public RegistryAnswer check(String vatId) {
        Registry registry =
                Registry.forVatId(vatId).orElseThrow(() -> new RegistryFaultException(RegistryFault.INVALID_INPUT));
        faults.pause();
        if (faults.outage()) {
            throw new RegistryFaultException(RegistryFault.SERVICE_UNAVAILABLE);
        }
        switch (faults.draw()) {
            case TIMEOUT -> throw faults.hangThenTimeOut("timed out (simulated)");
            case FAILURE -> throw new RegistryFaultException(RegistryFault.SERVICE_UNAVAILABLE);
            case NONE -> {}
        }
        String testNumber = vatId.substring(2).replaceAll("[^0-9]", "");
        RegistryFault fault = TEST_FAULTS.get(testNumber);
        if (fault != null) {
            throw new RegistryFaultException(fault);
        }
        if (testNumber.equals("200")) {
            return new RegistryAnswer.Invalid(registry, vatId, clock.instant());
        }
        return new RegistryAnswer.Valid(registry, vatId, consultationNumber(registry), clock.instant());
    }

    /** Turns the simulated outage on or off (every registry answers {@code SERVICE_UNAVAILABLE} while it is on). */
    public void outage(boolean on) {
        faults.outage(on);
    }

    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Identifiers shaped like the real ones: VIES {@code WAPI...}, HMRC {@code xxx-xxx-xxx}. */
    private String consultationNumber(Registry registry) {
        return switch (registry) {
            case VIES -> "WAPI" + random(12);
            case HMRC -> random(3) + "-" + random(3) + "-" + random(3);
            case UID -> "UID-" + random(10);
            case BRREG -> "BRREG-" + random(10);
        };
    }

    private String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
