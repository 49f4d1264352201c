package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.billing.payment.GatewayOutcome;
import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.test.recorded.RecordedExchanges;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * billing's Stripe endpoints over HTTP (Spring MVC, without the rest of the service), against Stripe's recorded
 * exchanges and a real PostgreSQL: the card step (portal → our card form → Stripe Checkout in setup mode → back with a
 * token that verifies), cancel, Stripe unreachable, bad parameters, and the webhook (signed accepted, forged refused).
 * That the adapter is chosen by configuration alone, with these endpoints public, is {@code
 * PaymentGatewayConfigurationTest}'s part.
 */
class StripeEndpointsIT {

    private static final String PORTAL_RETURN = "http://localhost:8080/subscriptions/payment/card";
    private static final String SESSION = "cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static StripeDatabase database;
    private RecordedExchanges stripe;
    private StripePaymentGateway gateway;
    private MockMvc http;

    @BeforeAll
    static void createDatabase() {
        database = StripeDatabase.create("billing_stripe_endpoints_test");
    }

    @BeforeEach
    void setUp() {
        database.clear();
        stripe = RecordedExchanges.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StripeApi api = new StripeApi(
                stripe.url(""),
                StripePaymentGatewayIT.SECRET_KEY,
                StripePaymentGatewayIT.API_VERSION,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        StripeLedger ledger = new StripeLedger(database.jdbc, database.transactions, clock);
        StripeCards cards = new StripeCards(database.jdbc, clock);
        gateway = new StripePaymentGateway(api, ledger, cards);
        PaymentGatewaySettings.StripeSettings stripeSettings = new PaymentGatewaySettings.StripeSettings(
                stripe.url(""), null, null, null, null, Duration.ofMinutes(5), null, "http://localhost:8080/");
        PaymentGatewaySettings settings = new PaymentGatewaySettings(
                PaymentGatewaySettings.STRIPE,
                Duration.ofSeconds(3),
                3,
                Duration.ofMillis(1),
                new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
                new BulkheadPolicy(10, Duration.ZERO),
                new PaymentGatewaySettings.SimulatorSettings(Duration.ZERO, false, 0, 0, Duration.ofSeconds(30)),
                stripeSettings);
        StripeCardForm cardForm = new StripeCardForm(api, cards, new StripeCardForms(database.jdbc, clock), settings);
        StripeWebhook webhook = new StripeWebhook(
                ledger,
                new TransactionTemplate(database.transactions),
                StripeSignatureTest.SECRET,
                Duration.ofMinutes(5),
                Clock.systemUTC());
        http = MockMvcBuilders.standaloneSetup(cardForm, webhook).build();
    }

    @AfterEach
    void tearDown() {
        stripe.close();
    }

    private MockHttpServletResponse startCardStep(String state) throws Exception {
        return http.perform(get(StripeCardForm.PATH)
                        .param("return_url", PORTAL_RETURN)
                        .param("state", state)
                        .param("locale", "de"))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse follow(String url) throws Exception {
        URI uri = URI.create(url.replace("{CHECKOUT_SESSION_ID}", SESSION));
        var request = get(uri.getPath());
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            request.param(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return http.perform(request).andReturn().getResponse();
    }

    /** Where Stripe would send the browser: the success or cancel URL we gave the recorded session. */
    private String stripeRedirect(String formField) {
        return stripe.form(stripe.received().size() - 1).get(formField);
    }

    private static String parameter(String location, String name) {
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void theCardStep_goesToStripeCheckoutInSetupMode_andHandsThePortalATokenThatVerifies() throws Exception {
        stripe.replay("stripe/api.json", "CARD_FORM_CUSTOMER").replay("stripe/api.json", "CARD_FORM_SESSION");

        MockHttpServletResponse toStripe = startCardStep("s-1");

        assertThat(toStripe.getStatus()).isEqualTo(303);
        assertThat(toStripe.getHeader("Location")).startsWith("https://checkout.stripe.com/c/pay/" + SESSION);
        String success = stripeRedirect("success_url");

        stripe.replay("stripe/api.json", "CARD_FORM_SESSION_COMPLETE");
        MockHttpServletResponse back = follow(success);

        assertThat(back.getStatus()).isEqualTo(303);
        String location = back.getHeader("Location");
        assertThat(location).startsWith(PORTAL_RETURN + "?token=tok_");
        assertThat(parameter(location, "state")).isEqualTo("s-1");
        String token = parameter(location, "token");
        assertThat(token).matches("tok_[A-Za-z0-9]{24}");
        assertThat(database.jdbc.queryForObject(
                        "SELECT payment_method_id FROM payment_gateway_stripe_card", String.class))
                .isEqualTo("pm_1Mm8s8LkdIwHu7ixBAGxvNzk");

        stripe.replay("stripe/api.json", "RETRIEVE_SETUP_INTENT_SUCCEEDED");
        assertThat(gateway.verifyCard(token, "EUR", "verify:sub-endpoints").outcome())
                .isEqualTo(GatewayOutcome.APPROVED);

        assertThat(follow(success).getStatus()).as("a step ends once").isEqualTo(400);
        stripe.assertAllReplayed();
    }

    @Test
    void anExpiredCheckout_sendsTheMemberBackCancelled() throws Exception {
        stripe.replay("stripe/api.json", "CARD_FORM_CUSTOMER").replay("stripe/api.json", "CARD_FORM_SESSION");
        startCardStep("s-2");
        String success = stripeRedirect("success_url");
        stripe.replay("stripe/api.json", "CARD_FORM_SESSION_EXPIRED");

        MockHttpServletResponse back = follow(success);

        assertThat(back.getHeader("Location")).isEqualTo(PORTAL_RETURN + "?error=card_declined&state=s-2");
        stripe.assertAllReplayed();
    }

    @Test
    void cancellingAtStripe_sendsTheMemberBackCancelled() throws Exception {
        stripe.replay("stripe/api.json", "CARD_FORM_CUSTOMER").replay("stripe/api.json", "CARD_FORM_SESSION");
        startCardStep("s-3");

        MockHttpServletResponse back = follow(stripeRedirect("cancel_url"));

        assertThat(back.getStatus()).isEqualTo(303);
        assertThat(back.getHeader("Location")).isEqualTo(PORTAL_RETURN + "?error=cancelled&state=s-3");
        stripe.assertAllReplayed();
    }

    @Test
    void whenStripeCannotBeReached_theMemberGoesBackWithAnError_notToADeadPage() throws Exception {
        stripe.replay("stripe/api.json", "CARD_FORM_CUSTOMER_UNAVAILABLE");

        MockHttpServletResponse back = startCardStep("s-4");

        assertThat(back.getStatus()).isEqualTo(303);
        assertThat(back.getHeader("Location")).isEqualTo(PORTAL_RETURN + "?error=unavailable&state=s-4");
        stripe.assertAllReplayed();
    }

    @Test
    void aBadReturnUrl_aRepeatedParameter_orAStrangersReference_isAPage_neverARedirect() throws Exception {
        assertThat(http.perform(get(StripeCardForm.PATH).param("return_url", "javascript:alert(1)"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(http.perform(get(StripeCardForm.PATH).param("return_url", PORTAL_RETURN, PORTAL_RETURN))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(http.perform(get(StripeCardForm.PATH)
                                .param("return_url", PORTAL_RETURN)
                                .param("locale", "fr"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(http.perform(get(StripeCardForm.RETURN).param("ref", "0123456789abcdefghijklmnopqrstuv"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(stripe.received()).isEmpty();
    }

    @Test
    void theWebhook_acceptsStripesSignature_andRefusesAForgedOrMissingOne() throws Exception {
        byte[] event = StripeApi.JSON
                .writeValueAsString(RecordedExchanges.load("stripe/events.json")
                        .path("events")
                        .path("CUSTOMER_CREATED"))
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        assertThat(deliver(event, StripeSignatureTest.header(now, event, StripeSignatureTest.SECRET)))
                .isEqualTo(200);
        assertThat(deliver(event, StripeSignatureTest.header(now, event, "whsec_forged")))
                .isEqualTo(400);
        assertThat(deliver(event, null)).isEqualTo(400);
    }

    private int deliver(byte[] body, String signature) throws Exception {
        var request = post(StripeWebhook.PATH).contentType("application/json").content(body);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.perform(request).andReturn().getResponse().getStatus();
    }
}
