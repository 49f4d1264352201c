package com.canon.cps.billing.payment;

import com.canon.cps.platform.security.PublicEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the payment gateway port: exactly one {@link PaymentGateway} bean, the resilient decorator. Today it wraps
 * the local simulator ({@code cps.billing.payment-gateway.adapter=simulator}; deliberately not a bean of its own, so
 * the port has a single implementation in the context); a real adapter (e.g. Stripe's REST API) replaces it in
 * {@link #paymentGateway} without touching its callers. The simulator's memory of the tokens its hosted card form
 * issued is a bean, shared by the simulator and {@link SimulatedCardForm}.
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
            MeterRegistry meters) {
        if (!PaymentGatewaySettings.SIMULATOR.equals(settings.adapter())) {
            throw new IllegalStateException("cps.billing.payment-gateway.adapter: no adapter '" + settings.adapter()
                    + "'; the only one is '" + PaymentGatewaySettings.SIMULATOR + "'");
        }
        SimulatedPaymentGateway simulator = new SimulatedPaymentGateway(
                jdbc, cardTokens, transactionManager, clock, settings.simulator(), new Random());
        return new ResilientPaymentGateway(simulator, settings, meters);
    }
}
