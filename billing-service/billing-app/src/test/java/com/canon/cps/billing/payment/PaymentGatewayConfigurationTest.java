package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.billing.payment.stripe.StripeConfiguration;
import com.canon.cps.billing.payment.stripe.StripeCredentials;
import com.canon.cps.platform.security.PublicEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The context holds exactly one payment gateway, the resilient decorator, with the settings bound. */
class PaymentGatewayConfigurationTest {

    private static final DataSource NO_DATABASE = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PaymentGatewayConfiguration.class)
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(NO_DATABASE))
            .withBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(NO_DATABASE))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("cps.simulators.enabled=true");

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withUserConfiguration(PaymentGatewayConfiguration.class)
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(NO_DATABASE))
            .withBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(NO_DATABASE))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void theSimulator_withoutTheSetting_stopsTheStart_namingTheSetting() {
        production.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasStackTraceContaining("cps.simulators.enabled=true")
                .hasStackTraceContaining("cps.billing.payment-gateway.adapter=simulator"));
        production
                .withPropertyValues("cps.simulators.enabled=false")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theSimulator_startsWithTheSetting() {
        production
                .withPropertyValues("cps.simulators.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResilientPaymentGateway.class));
        production
                .withUserConfiguration(StripeConfiguration.class)
                .withPropertyValues(
                        "cps.billing.payment-gateway.adapter=stripe",
                        "cps.billing.payment-gateway.stripe.secret-key=sk_test_from_the_environment",
                        "cps.billing.payment-gateway.stripe.webhook-secret=whsec_x")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResilientPaymentGateway.class));
    }

    @Test
    void exactlyOneGateway_theResilientDecorator_withDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PaymentGateway.class);
            assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(ResilientPaymentGateway.class);
            PaymentGatewaySettings settings = context.getBean(PaymentGatewaySettings.class);
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.maxAttempts()).isEqualTo(3);
            assertThat(settings.retryBackoff()).isEqualTo(Duration.ofMillis(200));
            assertThat(settings.circuitBreaker().minimumCalls()).isEqualTo(5);
            assertThat(settings.bulkhead().maxConcurrentCalls()).isEqualTo(10);
            assertThat(settings.simulator().latency()).isEqualTo(Duration.ofMillis(30));
            assertThat(settings.simulator().outage()).isFalse();
            assertThat(settings.simulator().timeoutRate()).isZero();
            assertThat(settings.simulator().lostResponseRate()).isZero();
            assertThat(settings.simulator().hang()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void theSimulatorsCardForm_needsNoToken() {
        runner.run(context -> {
            assertThat(context.getBean(PaymentGatewaySettings.class).adapter()).isEqualTo("simulator");
            assertThat(context).hasSingleBean(SimulatedCardTokens.class);
            assertThat(context.getBean(PublicEndpoints.class).endpoints())
                    .extracting(PublicEndpoints.Endpoint::pattern)
                    .containsOnly("/payment-gateway-simulator/**");
        });
    }

    @Test
    void anUnknownAdapter_failsTheStart() {
        runner.withPropertyValues("cps.billing.payment-gateway.adapter=paypal")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("no adapter 'paypal'"));
    }

    @Test
    void stripe_isChosenByConfigurationAlone_stillOneResilientGateway_withItsOwnPublicEndpoints(@TempDir Path dir)
            throws Exception {
        Path webhookSecret = Files.writeString(dir.resolve("stripe_webhook_secret"), "whsec_from_a_file\n");
        runner.withUserConfiguration(StripeConfiguration.class)
                .withPropertyValues(
                        "cps.billing.payment-gateway.adapter=stripe",
                        "cps.billing.payment-gateway.stripe.secret-key=sk_test_from_the_environment",
                        "cps.billing.payment-gateway.stripe.webhook-secret-file=" + webhookSecret)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(PaymentGateway.class);
                    assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(ResilientPaymentGateway.class);
                    assertThat(context.getBean(StripeCredentials.class).webhookSecret())
                            .isEqualTo("whsec_from_a_file");
                    assertThat(context.getBean(StripeCredentials.class).toString())
                            .doesNotContain("sk_test");
                    assertThat(context.getBeansOfType(PublicEndpoints.class).values().stream()
                                    .flatMap(p -> p.endpoints().stream())
                                    .map(PublicEndpoints.Endpoint::pattern))
                            .containsExactlyInAnyOrder("/payment-gateway/stripe/webhook", "/payment-gateway/**");
                    PaymentGatewaySettings.StripeSettings stripe =
                            context.getBean(PaymentGatewaySettings.class).stripe();
                    assertThat(stripe.baseUrl()).hasToString("https://api.stripe.com");
                    assertThat(stripe.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @Test
    void stripeWithoutItsKeys_failsTheStart() {
        runner.withUserConfiguration(StripeConfiguration.class)
                .withPropertyValues(
                        "cps.billing.payment-gateway.adapter=stripe",
                        "cps.billing.payment-gateway.stripe.secret-key=sk_test_from_the_environment")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("CPS_STRIPE_WEBHOOK_SECRET"));
    }

    @Test
    void settings_bindFromProperties() {
        runner.withPropertyValues(
                        "cps.billing.payment-gateway.timeout=1500ms",
                        "cps.billing.payment-gateway.simulator.outage=true",
                        "cps.billing.payment-gateway.simulator.timeout-rate=0.25",
                        "cps.billing.payment-gateway.simulator.lost-response-rate=0.1")
                .run(context -> {
                    PaymentGatewaySettings settings = context.getBean(PaymentGatewaySettings.class);
                    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(settings.simulator().outage()).isTrue();
                    assertThat(settings.simulator().timeoutRate()).isEqualTo(0.25);
                    assertThat(settings.simulator().lostResponseRate()).isEqualTo(0.1);
                });
    }
}
