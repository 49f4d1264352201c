package com.canon.cps.billing.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Random;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the payment gateway port: exactly one {@link PaymentGateway} bean, the resilient decorator. Today it wraps
 * the local simulator (deliberately not a bean of its own, so the port has a single implementation in the context);
 * a real adapter (e.g. Stripe's REST API) replaces it in {@link #paymentGateway} without touching its callers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentGatewaySettings.class)
class PaymentGatewayConfiguration {

    @Bean(destroyMethod = "close")
    ResilientPaymentGateway paymentGateway(
            PaymentGatewaySettings settings,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters) {
        SimulatedPaymentGateway simulator =
                new SimulatedPaymentGateway(jdbc, transactionManager, clock, settings.simulator(), new Random());
        return new ResilientPaymentGateway(simulator, settings, meters);
    }
}
