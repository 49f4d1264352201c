package com.canon.cps.billing.payment.stripe;

import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import com.canon.cps.platform.test.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** A database of its own on the embedded PostgreSQL with the Stripe tables from the V140 script itself. */
final class StripeDatabase {

    final JdbcTemplate jdbc;
    final JdbcTransactionManager transactions;

    private StripeDatabase(JdbcTemplate jdbc, JdbcTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    static StripeDatabase create(String name) {
        EmbeddedPostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.ensureDatabase(name);
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl(name), postgres.username(), postgres.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : new String[] {
            "payment_gateway_stripe_intent",
            "payment_gateway_stripe_event",
            "payment_gateway_stripe_card",
            "payment_gateway_stripe_card_form"
        }) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
        try (InputStream script =
                StripeDatabase.class.getResourceAsStream("/db/billing/V140__payment_gateway_stripe.sql")) {
            jdbc.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StripeDatabase(jdbc, new JdbcTransactionManager(dataSource));
    }

    void clear() {
        jdbc.execute(
                "TRUNCATE payment_gateway_stripe_intent, payment_gateway_stripe_event, payment_gateway_stripe_card,"
                        + " payment_gateway_stripe_card_form");
    }
}
