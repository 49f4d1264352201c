package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.payment.GatewayOutcome;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.billing.payment.ResilientPaymentGateway;
import com.canon.cps.platform.test.CpsServiceTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * billing-service switched to Stripe by configuration alone, against Stripe's recorded exchanges: the card step
 * (portal → our card form → Stripe Checkout in setup mode → back with a token), the verification of the saved card
 * through the one {@link PaymentGateway}, and the webhook endpoint (no token; signed accepted, forged refused).
 */
@CpsServiceTest
@TestPropertySource(
        properties = {
            "cps.billing.payment-gateway.adapter=stripe",
            "cps.billing.payment-gateway.stripe.secret-key=" + StripePaymentGatewayIT.SECRET_KEY,
            "cps.billing.payment-gateway.stripe.webhook-secret=" + StripeSignatureTest.SECRET,
            "cps.billing.payment-gateway.stripe.api-version=" + StripePaymentGatewayIT.API_VERSION,
            "cps.billing.payment-gateway.stripe.public-base-url=http://localhost:8080/"
        })
class StripeGatewayIT {

    private static final RecordedExchanges STRIPE = RecordedExchanges.start();
    private static final String PORTAL_RETURN = "http://localhost:8080/subscriptions/payment/card";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add(
                "cps.billing.payment-gateway.stripe.base-url",
                () -> STRIPE.url("").toString());
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    PaymentGateway gateway;

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> startCardStep(String state) throws Exception {
        return get("/payment-gateway/card-form?return_url=" + URLEncoder.encode(PORTAL_RETURN, StandardCharsets.UTF_8)
                + "&state=" + state + "&locale=de");
    }

    /** Where Stripe would send the browser: the recorded session's success or cancel URL, on this test's port. */
    private String stripeRedirect(String formField) {
        String url = STRIPE.form(STRIPE.received().size() - 1).get(formField);
        return url.replace("http://localhost:8080", "")
                .replace("{CHECKOUT_SESSION_ID}", "cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY");
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
    void theGatewayIsStripe_behindTheOneResilientPort() {
        assertThat(gateway).isInstanceOf(ResilientPaymentGateway.class);
    }

    @Test
    void theCardStep_goesToStripeCheckoutInSetupMode_andHandsThePortalATokenThatVerifies() throws Exception {
        STRIPE.replay("stripe/api.json", "CARD_FORM_CUSTOMER").replay("stripe/api.json", "CARD_FORM_SESSION");

        HttpResponse<String> toStripe = startCardStep("s-1");

        assertThat(toStripe.statusCode()).isEqualTo(303);
        assertThat(toStripe.headers().firstValue("Location").orElseThrow())
                .startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        String success = stripeRedirect("success_url");

        STRIPE.replay("stripe/api.json", "CARD_FORM_SESSION_COMPLETE");
        HttpResponse<String> back = get(success);

        assertThat(back.statusCode()).isEqualTo(303);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PORTAL_RETURN + "?token=tok_");
        assertThat(parameter(location, "state")).isEqualTo("s-1");
        String token = parameter(location, "token");
        assertThat(token).matches("tok_[A-Za-z0-9]{24}");

        STRIPE.replay("stripe/api.json", "RETRIEVE_SETUP_INTENT_SUCCEEDED");
        assertThat(gateway.verifyCard(
                                token,
                                "EUR",
                                "verify:stripe-it-" + Instant.now().toEpochMilli())
                        .outcome())
                .isEqualTo(GatewayOutcome.APPROVED);

        assertThat(get(success).statusCode()).as("a step ends once").isEqualTo(400);
        STRIPE.assertAllReplayed();
    }

    @Test
    void cancellingAtStripe_sendsTheMemberBackCancelled() throws Exception {
        STRIPE.replay("stripe/api.json", "CARD_FORM_CUSTOMER").replay("stripe/api.json", "CARD_FORM_SESSION");
        startCardStep("s-2");

        HttpResponse<String> back = get(stripeRedirect("cancel_url"));

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow())
                .isEqualTo(PORTAL_RETURN + "?error=cancelled&state=s-2");
        STRIPE.assertAllReplayed();
    }

    @Test
    void whenStripeCannotBeReached_theMemberGoesBackWithAnError_notToADeadPage() throws Exception {
        STRIPE.replay("stripe/api.json", "CARD_FORM_CUSTOMER_UNAVAILABLE");

        HttpResponse<String> back = startCardStep("s-3");

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow())
                .isEqualTo(PORTAL_RETURN + "?error=unavailable&state=s-3");
        STRIPE.assertAllReplayed();
    }

    @Test
    void aBadReturnUrl_orAStrangersReference_isAPage_neverARedirect() throws Exception {
        assertThat(get("/payment-gateway/card-form?return_url=javascript:alert(1)")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/payment-gateway/card-form?return_url=" + PORTAL_RETURN + "&return_url=" + PORTAL_RETURN)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/payment-gateway/stripe/card-form/return?ref=0123456789abcdefghijklmnopqrstuv")
                        .statusCode())
                .isEqualTo(400);
        assertThat(STRIPE.received()).noneMatch(r -> r.pathAndQuery().contains("javascript"));
    }

    @Test
    void theWebhook_needsNoToken_acceptsStripesSignature_andRefusesAForgedOne() throws Exception {
        byte[] event = StripeApi.JSON
                .writeValueAsString(RecordedExchanges.load("stripe/events.json")
                        .path("events")
                        .path("CUSTOMER_CREATED"))
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> signed = post(event, StripeSignatureTest.header(now, event, StripeSignatureTest.SECRET));
        HttpResponse<String> forged = post(event, StripeSignatureTest.header(now, event, "whsec_forged"));
        HttpResponse<String> unsigned = post(event, null);

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(unsigned.statusCode()).isEqualTo(400);
    }

    @Test
    void theSimulatorsCardForm_isGone() throws Exception {
        assertThat(get("/payment-gateway-simulator/card-form?return_url=" + PORTAL_RETURN)
                        .statusCode())
                .isIn(401, 404);
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/payment-gateway/stripe/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
