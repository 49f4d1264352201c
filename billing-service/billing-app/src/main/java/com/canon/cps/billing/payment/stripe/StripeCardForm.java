package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.billing.payment.GatewayFault;
import com.canon.cps.billing.payment.PaymentGatewayUnavailableException;
import com.canon.cps.billing.payment.ReturnUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The member's card step with Stripe, taking the place of the simulator's hosted card form with the same contract for
 * the portal: {@code GET /payment-gateway/card-form?return_url=…&state=…&locale=en|de} sends the browser to a Stripe
 * Checkout Session in setup mode (Stripe's own page: the card, and 3-D Secure where the bank asks for it, are
 * entered there, never on a page of ours), and Stripe's redirect comes back here; then {@code 303 See Other} to
 * {@code return_url} with {@code token=tok_…&state=…} (a token of ours for the saved card, {@link StripeCards}), or
 * {@code error=card_declined}, {@code error=cancelled}, or {@code error=unavailable} when Stripe cannot be reached.
 *
 * <p>Invariants: a bad {@code return_url}, {@code state} or {@code locale}, or a parameter given twice, is a 400 page,
 * never a redirect; Stripe's redirect is trusted only for our own reference, and the outcome is read from the Checkout
 * Session by its id as we stored it (never from the URL); each step ends once.
 */
@Controller
@ConditionalOnProperty(
        prefix = "cps.billing.payment-gateway",
        name = "adapter",
        havingValue = PaymentGatewaySettings.STRIPE)
class StripeCardForm {

    static final String PATH = "/payment-gateway/card-form";
    static final String RETURN = "/payment-gateway/stripe/card-form/return";
    static final String CANCEL = "/payment-gateway/stripe/card-form/cancel";
    private static final Logger log = LoggerFactory.getLogger(StripeCardForm.class);
    private static final int MAX_STATE_LENGTH = 1024;
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final StripeApi api;
    private final StripeCards cards;
    private final StripeCardForms forms;
    private final String publicBaseUrl;

    StripeCardForm(StripeApi api, StripeCards cards, StripeCardForms forms, PaymentGatewaySettings settings) {
        this.api = api;
        this.cards = cards;
        this.forms = forms;
        String base = settings.stripe().publicBaseUrl();
        this.publicBaseUrl =
                base == null || base.isBlank() ? null : base.strip().replaceFirst("/+$", "");
    }

    @GetMapping(PATH)
    ResponseEntity<String> start(HttpServletRequest request) {
        Optional<String> returnText = single(request, "return_url");
        Optional<String> state = single(request, "state");
        Optional<String> locale = single(request, "locale");
        Optional<ReturnUrl> returnUrl = returnText.flatMap(ReturnUrl::parse);
        if (returnUrl.isEmpty()
                || repeated(request, "return_url", "state", "locale")
                || state.map(s -> s.length() > MAX_STATE_LENGTH).orElse(false)
                || !locale.map(l -> l.equals("en") || l.equals("de")).orElse(true)) {
            return badRequest();
        }
        String language = locale.orElse("en");
        String reference = forms.open(returnUrl.get().uri().toString(), state.orElse(null), language);
        String base = publicBaseUrl != null
                ? publicBaseUrl
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        try {
            StripeApi.Answer customer = api.post(
                    "/v1/customers",
                    StripeApi.Form.of().add("metadata[cps_card_form]", reference),
                    "card-form:" + reference + ":customer");
            String customerId = id(customer, "cus_");
            StripeApi.Answer session = api.post(
                    "/v1/checkout/sessions",
                    StripeApi.Form.of()
                            .add("mode", "setup")
                            .add("customer", customerId)
                            .add("payment_method_types[]", "card")
                            .add("locale", language)
                            .add("client_reference_id", reference)
                            .add(
                                    "success_url",
                                    base + RETURN + "?ref=" + reference + "&session_id={CHECKOUT_SESSION_ID}")
                            .add("cancel_url", base + CANCEL + "?ref=" + reference)
                            .add("setup_intent_data[metadata][cps_card_form]", reference),
                    "card-form:" + reference);
            String sessionId = id(session, "cs_");
            URI checkout = URI.create(session.body().path("url").asString(""));
            if (!"https".equalsIgnoreCase(checkout.getScheme()) && !"http".equalsIgnoreCase(checkout.getScheme())) {
                throw new IllegalArgumentException("Stripe gave no Checkout URL");
            }
            forms.started(reference, sessionId);
            return seeOther(checkout.toString());
        } catch (PaymentGatewayUnavailableException | IllegalArgumentException e) {
            log.warn("Stripe card step could not start: {}", e.getMessage());
            forms.finish(reference);
            return seeOther(returnUrl.get().with("error", "unavailable", "state", state.orElse(null)));
        }
    }

    @GetMapping(RETURN)
    ResponseEntity<String> returned(HttpServletRequest request) {
        Optional<StripeCardForms.Step> step = single(request, "ref").flatMap(forms::open);
        Optional<String> sessionParameter = single(request, "session_id");
        if (step.isEmpty()
                || step.get().checkoutSessionId() == null
                || (sessionParameter.isPresent()
                        && !sessionParameter.get().equals(step.get().checkoutSessionId()))) {
            return badRequest();
        }
        StripeCardForms.Step s = step.get();
        ReturnUrl back = ReturnUrl.parse(s.returnUrl()).orElseThrow();
        StripeApi.Answer answer;
        try {
            answer = api.get(
                    "/v1/checkout/sessions/" + s.checkoutSessionId() + "?expand%5B%5D=setup_intent.payment_method");
        } catch (PaymentGatewayUnavailableException e) {
            return seeOther(back.with("error", "unavailable", "state", s.state()));
        }
        if (!answer.ok()) {
            log.warn("Stripe answered {} for Checkout Session {}", answer.status(), s.checkoutSessionId());
            return seeOther(back.with("error", "unavailable", "state", s.state()));
        }
        JsonNode session = answer.body();
        JsonNode setupIntent = session.path("setup_intent");
        String sessionStatus = session.path("status").asString("");
        String setupStatus = setupIntent.path("status").asString("");
        JsonNode paymentMethod = setupIntent.path("payment_method");
        if (sessionStatus.equals("complete") && setupStatus.equals("succeeded") && paymentMethod.isObject()) {
            if (!forms.finish(s.reference())) {
                return badRequest();
            }
            String token = cards.issue(new StripeCards.Card(
                    session.path("customer")
                            .asString(setupIntent.path("customer").asString(null)),
                    paymentMethod.path("id").asString(),
                    setupIntent.path("id").asString(),
                    paymentMethod.path("card").path("brand").asString(null),
                    paymentMethod.path("card").path("last4").asString(null)));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("token", token);
            parameters.put("state", s.state());
            return seeOther(back.with(parameters));
        }
        forms.finish(s.reference());
        boolean declined = setupStatus.equals("requires_payment_method") || setupStatus.equals("canceled");
        return seeOther(back.with("error", declined ? "card_declined" : "cancelled", "state", s.state()));
    }

    @GetMapping(CANCEL)
    ResponseEntity<String> cancelled(HttpServletRequest request) {
        Optional<StripeCardForms.Step> step = single(request, "ref").flatMap(forms::open);
        if (step.isEmpty() || !forms.finish(step.get().reference())) {
            return badRequest();
        }
        ReturnUrl back = ReturnUrl.parse(step.get().returnUrl()).orElseThrow();
        return seeOther(back.with("error", "cancelled", "state", step.get().state()));
    }

    private static String id(StripeApi.Answer answer, String prefix) {
        if (!answer.ok()) {
            throw new PaymentGatewayUnavailableException(
                    answer.status() == 429
                            ? GatewayFault.RATE_LIMITED
                            : answer.status() >= 500 ? GatewayFault.OUTAGE : GatewayFault.TECHNICAL_ERROR,
                    "Stripe answered " + answer.status());
        }
        String id = answer.body().path("id").asString("");
        if (!id.startsWith(prefix)) {
            throw new IllegalArgumentException("Stripe answered without a " + prefix + " id");
        }
        return id;
    }

    private static Optional<String> single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length != 1 ? Optional.empty() : Optional.of(values[0]);
    }

    private static boolean repeated(HttpServletRequest request, String... names) {
        for (String name : names) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static ResponseEntity<String> badRequest() {
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Card details</title></head>
                <body><main><h1>This link cannot be used</h1>
                <p>Please go back to the portal and choose the payment option again.</p>
                <p lang="de">Bitte kehren Sie zum Portal zurück und wählen Sie die Zahlungsart erneut.</p></main></body>
                </html>
                """;
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(HTML)
                .header("Content-Security-Policy", "default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page);
    }
}
