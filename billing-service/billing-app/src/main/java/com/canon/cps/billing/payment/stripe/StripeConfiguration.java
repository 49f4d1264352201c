package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.platform.security.PublicEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stripe's side of billing, only while {@code cps.billing.payment-gateway.adapter=stripe}: the API client, the ledger
 * of intents, the saved cards, and the two public endpoint groups (the webhook, signed by Stripe; the card step,
 * reached by the member's browser without a token). The adapter itself is wired into the one resilient
 * {@code PaymentGateway} by {@code PaymentGatewayConfiguration}. Missing keys stop the start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
        prefix = "cps.billing.payment-gateway",
        name = "adapter",
        havingValue = PaymentGatewaySettings.STRIPE)
public class StripeConfiguration {

    @Bean
    StripeCredentials stripeCredentials(PaymentGatewaySettings settings) {
        PaymentGatewaySettings.StripeSettings stripe = settings.stripe();
        String secretKey = resolve(stripe.secretKey(), stripe.secretKeyFile(), "secret-key");
        String webhookSecret = resolve(stripe.webhookSecret(), stripe.webhookSecretFile(), "webhook-secret");
        if (secretKey == null || webhookSecret == null) {
            throw new IllegalStateException("cps.billing.payment-gateway.adapter=stripe needs the Stripe secret key"
                    + " (CPS_STRIPE_SECRET_KEY or CPS_STRIPE_SECRET_KEY_FILE) and the webhook signing secret"
                    + " (CPS_STRIPE_WEBHOOK_SECRET or CPS_STRIPE_WEBHOOK_SECRET_FILE)");
        }
        return new StripeCredentials(secretKey, webhookSecret);
    }

    @Bean
    StripeApi stripeApi(PaymentGatewaySettings settings, StripeCredentials credentials) {
        PaymentGatewaySettings.StripeSettings stripe = settings.stripe();
        // the resilient decorator's time limit bounds every call; the client's own limit frees the connection
        return new StripeApi(
                stripe.baseUrl(),
                credentials.secretKey(),
                stripe.apiVersion(),
                Duration.ofSeconds(2),
                settings.timeout());
    }

    @Bean
    StripeLedger stripeLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new StripeLedger(jdbc, transactions, clock);
    }

    @Bean
    StripeCards stripeCards(JdbcTemplate jdbc, Clock clock) {
        return new StripeCards(jdbc, clock);
    }

    @Bean
    StripeCardForms stripeCardForms(JdbcTemplate jdbc, Clock clock) {
        return new StripeCardForms(jdbc, clock);
    }

    /** Stripe signs its webhooks; the card step is reached by the member's browser, which carries no token. */
    @Bean
    PublicEndpoints stripePublicEndpoints() {
        return PublicEndpoints.of("POST " + StripeWebhook.PATH, "GET /payment-gateway/**");
    }

    /** A credential from the environment, or else from the file (a mounted secret), without its line end. */
    static String resolve(String value, String file, String name) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String content = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8)
                    .strip();
            return content.isEmpty() ? null : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Stripe " + name + " from " + file, e);
        }
    }
}
