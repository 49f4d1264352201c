package com.canon.cps.billing.payment;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.billing.payment.stripe.StripeApi;
import com.canon.cps.billing.payment.stripe.StripeCards;
import com.canon.cps.billing.payment.stripe.StripeLedger;
import com.canon.cps.billing.payment.stripe.StripePaymentGateway;
import com.canon.cps.platform.security.PublicEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Random;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the payment gateway port: exactly one {@link PaymentGateway} bean, the resilient decorator, around the adapter
 * that {@code cps.billing.payment-gateway.adapter} names: {@value PaymentGatewaySettings#SIMULATOR} (the local
 * simulator, the default) or {@value PaymentGatewaySettings#STRIPE} (Stripe's API, whose client, ledger and saved
 * cards come from the Stripe configuration). The adapter is deliberately not a bean of its own, so the port has a
 * single implementation in the context; switching is configuration only, its callers never change. The simulator's
 * memory of the tokens its hosted card form issued is a bean, shared by the simulator and {@link SimulatedCardForm}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentGatewaySettings.class)
class PaymentGatewayConfiguration {

    /** The simulator's hosted card form needs no token: the browser arrives from the portal without one. */
    @Bean
    @ConditionalOnProperty(
            prefix = "cps.billing.payment-gateway",
            name = "adapter",
            havingValue = PaymentGatewaySettings.SIMULATOR,
            matchIfMissing = true)
    PublicEndpoints paymentGatewaySimulatorEndpoints() {
        return PublicEndpoints.of("GET /payment-gateway-simulator/**", "POST /payment-gateway-simulator/**");
    }

    @Bean
    SimulatedCardTokens simulatedCardTokens(JdbcTemplate jdbc, Clock clock) {
        return new SimulatedCardTokens(jdbc, clock);
    }

    @Bean(destroyMethod = "close")
    ResilientPaymentGateway paymentGateway(
            PaymentGatewaySettings settings,
            JdbcTemplate jdbc,
            SimulatedCardTokens cardTokens,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters,
            ObjectProvider<StripeApi> stripeApi,
            ObjectProvider<StripeLedger> stripeLedger,
            ObjectProvider<StripeCards> stripeCards,
            Environment environment) {
        PaymentGateway adapter = switch (settings.adapter()) {
            case PaymentGatewaySettings.SIMULATOR -> {
                requireSimulatorsEnabled(environment);
                yield new SimulatedPaymentGateway(
                        jdbc, cardTokens, transactionManager, clock, settings.simulator(), new Random());
            }
            case PaymentGatewaySettings.STRIPE ->
                new StripePaymentGateway(stripeApi.getObject(), stripeLedger.getObject(), stripeCards.getObject());
            default ->
                throw new IllegalStateException("cps.billing.payment-gateway.adapter: no adapter '"
                        + settings.adapter() + "'; there are '" + PaymentGatewaySettings.SIMULATOR + "' and '"
                        + PaymentGatewaySettings.STRIPE + "'");
        };
        return new ResilientPaymentGateway(adapter, settings, meters);
    }

    /**
     * The simulator confirms every test card ({@code tok_visa} always pays): outside local mode and the tests it would
     * take no money while the platform believes it did. It runs only where {@value #SIMULATORS_ENABLED} says so.
     */
    static void requireSimulatorsEnabled(Environment environment) {
        if (!environment.getProperty(SIMULATORS_ENABLED, Boolean.class, false)) {
            throw new IllegalStateException("cps.billing.payment-gateway.adapter=simulator: the payment-gateway"
                    + " simulator takes no real money and runs only with " + SIMULATORS_ENABLED + "=true"
                    + " (CPS_SIMULATORS_ENABLED=true; set by ./cps-local and the tests). A real deployment sets"
                    + " cps.billing.payment-gateway.adapter=stripe (CPS_PAYMENT_GATEWAY_ADAPTER=stripe)");
        }
    }

    /** The setting that lets a simulator of an outside party run (local mode, tests, demonstrations). */
    static final String SIMULATORS_ENABLED = "cps.simulators.enabled";
}
