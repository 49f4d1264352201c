package com.canon.cps.verification.config;

import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.resilience.ResiliencePolicy;
import com.canon.cps.platform.resilience.SimulatedFaults;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * VAT registry settings ({@code cps.verification.registry.*}).
 *
 * @param timeout time limit of one registry call
 * @param maxAttempts calls per check, the first included, while the faults are transient
 * @param retryBackoff wait before the first retry; doubles with each further one
 * @param circuitBreaker one circuit breaker per registry and country (a member state that is down in VIES must not stop
 *     the checks for the others)
 * @param bulkhead concurrent calls per registry
 * @param recheckInitial wait before the first re-check of a case whose check got no answer
 * @param recheckMax longest wait between re-checks (the wait doubles from {@code recheckInitial} up to this)
 * @param connectTimeout time to open a connection to a live registry (the whole call stays within {@code timeout})
 * @param vies the VIES adapter (EU member states and XI)
 * @param hmrc the HMRC adapter (GB)
 * @param uid the Swiss UID register adapter (CH)
 * @param brreg the Brønnøysund register adapter (NO)
 */
@ConfigurationProperties("cps.verification.registry")
public record RegistrySettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("1m") Duration recheckInitial,
        @DefaultValue("1h") Duration recheckMax,
        @DefaultValue CircuitBreakerPolicy circuitBreaker,
        @DefaultValue BulkheadPolicy bulkhead,
        @DefaultValue SimulatorSettings simulator,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue ViesSettings vies,
        @DefaultValue HmrcSettings hmrc,
        @DefaultValue UidSettings uid,
        @DefaultValue BrregSettings brreg) {

    /** The value of a registry's {@code adapter} that selects the local simulator (the default). */
    public static final String SIMULATOR = "simulator";

    /** The value of a registry's {@code adapter} that selects the registry's own published interface. */
    public static final String LIVE = "live";

    @ConstructorBinding
    public RegistrySettings {
        new ResiliencePolicy(timeout, maxAttempts, retryBackoff, circuitBreaker, bulkhead); // refuses what cannot work
        for (String adapter : new String[] {vies.adapter(), hmrc.adapter(), uid.adapter(), brreg.adapter()}) {
            if (!SIMULATOR.equals(adapter) && !LIVE.equals(adapter)) {
                throw new IllegalArgumentException(
                        "a registry adapter is '" + SIMULATOR + "' or '" + LIVE + "', not '" + adapter + "'");
            }
        }
    }

    /** Every registry on the simulator. */
    public RegistrySettings(
            Duration timeout,
            int maxAttempts,
            Duration retryBackoff,
            Duration recheckInitial,
            Duration recheckMax,
            CircuitBreakerPolicy circuitBreaker,
            BulkheadPolicy bulkhead,
            SimulatorSettings simulator) {
        this(
                timeout,
                maxAttempts,
                retryBackoff,
                recheckInitial,
                recheckMax,
                circuitBreaker,
                bulkhead,
                simulator,
                Duration.ofSeconds(2),
                ViesSettings.simulated(),
                HmrcSettings.simulated(),
                UidSettings.simulated(),
                BrregSettings.simulated());
    }

    /** Wait before re-check number {@code attempt + 1} after check number {@code attempt} failed. */
    public Duration recheckDelay(int attempt) {
        Duration delay = recheckInitial;
        for (int i = 1; i < attempt && delay.compareTo(recheckMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(recheckMax) > 0 ? recheckMax : delay;
    }

    /** Time limit, retry, circuit breaker and bulkhead of the registry port as one policy. */
    public ResiliencePolicy resilience() {
        return new ResiliencePolicy(timeout, maxAttempts, retryBackoff, circuitBreaker, bulkhead);
    }

    /**
     * The local simulator and its fault injection. Rates are probabilities in {@code [0, 1]} per call.
     *
     * @param latency time each answer takes
     * @param outage every call fails with {@code SERVICE_UNAVAILABLE}
     * @param failureRate share of calls answered with {@code SERVICE_UNAVAILABLE} (a transient fault)
     * @param timeoutRate share of calls that hang for {@code hang} and then fail with {@code TIMEOUT} (keep
     *     {@code hang} above the registry {@code timeout}, so the caller's time limit gives up first)
     * @param hang how long a hanging call hangs
     */
    public record SimulatorSettings(
            @DefaultValue("50ms") Duration latency,
            @DefaultValue("false") boolean outage,
            @DefaultValue("0") double failureRate,
            @DefaultValue("0") double timeoutRate,
            @DefaultValue("30s") Duration hang) {

        @ConstructorBinding
        public SimulatorSettings {
            faults(latency, outage, failureRate, timeoutRate, hang); // refuses rates outside [0, 1]
        }

        /** No injected faults. */
        public SimulatorSettings(Duration latency, boolean outage) {
            this(latency, outage, 0, 0, Duration.ofSeconds(30));
        }

        /** The faults the simulator starts with (the registries lose no answers: a check has no effect). */
        public SimulatedFaults.Settings faults() {
            return faults(latency, outage, failureRate, timeoutRate, hang);
        }

        private static SimulatedFaults.Settings faults(
                Duration latency, boolean outage, double failureRate, double timeoutRate, Duration hang) {
            return new SimulatedFaults.Settings(latency, outage, failureRate, timeoutRate, 0, hang);
        }
    }

    /**
     * VIES over its REST interface ({@code POST <baseUrl>/check-vat-number}).
     *
     * @param adapter {@value #SIMULATOR} or {@value #LIVE}
     * @param requesterVatId our own EU (or XI) VAT ID, sent as the requester so that VIES answers with a consultation
     *     number ({@code requestIdentifier}); without it VIES gives none
     */
    public record ViesSettings(
            @DefaultValue(SIMULATOR) String adapter,

            @DefaultValue("https://ec.europa.eu/taxation_customs/vies/rest-api")
            URI baseUrl,

            String requesterVatId) {

        static ViesSettings simulated() {
            return new ViesSettings(SIMULATOR, URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api"), null);
        }
    }

    /**
     * HMRC "Check a UK VAT number" API v2.0 ({@code GET <baseUrl>/organisations/vat/check-vat-number/lookup/...}),
     * application-restricted: an OAuth 2.0 client-credentials token from {@code <baseUrl>/oauth/token}.
     *
     * @param adapter {@value #SIMULATOR} or {@value #LIVE}
     * @param baseUrl {@code https://api.service.hmrc.gov.uk} (production) or {@code https://test-api.service.hmrc.gov.uk}
     *     (sandbox)
     * @param clientId the application's client id from HMRC's Developer Hub
     * @param clientSecret the application's client secret (from the environment, never from the repository)
     * @param clientSecretFile a file holding the client secret instead (e.g. a mounted container secret)
     * @param requesterVrn our own UK VAT registration number, so that HMRC answers with a consultation number
     */
    public record HmrcSettings(
            @DefaultValue(SIMULATOR) String adapter,
            @DefaultValue("https://api.service.hmrc.gov.uk") URI baseUrl,
            String clientId,
            String clientSecret,
            String clientSecretFile,
            String requesterVrn) {

        static HmrcSettings simulated() {
            return new HmrcSettings(SIMULATOR, URI.create("https://api.service.hmrc.gov.uk"), null, null, null, null);
        }
    }

    /**
     * The Swiss UID register's public SOAP web service ({@code ValidateVatNumber} at {@code baseUrl}).
     *
     * @param adapter {@value #SIMULATOR} or {@value #LIVE}
     */
    public record UidSettings(
            @DefaultValue(SIMULATOR) String adapter,

            @DefaultValue("https://www.uid-wse.admin.ch/V5.0/PublicServices.svc")
            URI baseUrl) {

        static UidSettings simulated() {
            return new UidSettings(SIMULATOR, URI.create("https://www.uid-wse.admin.ch/V5.0/PublicServices.svc"));
        }
    }

    /**
     * The Brønnøysund register's open data API ({@code GET <baseUrl>/enheter/{orgnr}}, flag
     * {@code registrertIMvaregisteret}).
     *
     * @param adapter {@value #SIMULATOR} or {@value #LIVE}
     */
    public record BrregSettings(
            @DefaultValue(SIMULATOR) String adapter,

            @DefaultValue("https://data.brreg.no/enhetsregisteret/api")
            URI baseUrl) {

        static BrregSettings simulated() {
            return new BrregSettings(SIMULATOR, URI.create("https://data.brreg.no/enhetsregisteret/api"));
        }
    }
}
