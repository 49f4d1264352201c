package com.canon.cps.billing.payment;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The simulator's hosted card form, as a real gateway's hosted payment page (e.g. Stripe's hosted SetupIntent
 * confirmation): the portal sends the browser to {@code GET /payment-gateway-simulator/card-form?return_url=…&state=…
 * &locale=en|de}; the card is typed in here, never into a page of ours. The form's {@code POST} performs the
 * zero-amount verification and sends the browser back with {@code 303 See Other}:
 *
 * <ul>
 *   <li>approved: {@code <return_url>?token=tok_…&state=…}, the token newly issued and remembered by
 *       {@link SimulatedCardTokens} (it answers like the fixed test token of its card);
 *   <li>declined: {@code <return_url>?error=card_declined&state=…}; the cancel link: {@code error=cancelled}.
 * </ul>
 *
 * <p>Invariants: a refused field shows the form again (400) with a sentence at the field, and nothing is issued; a
 * missing or bad {@code return_url} or {@code locale} is a 400 page and never a redirect; the card number, expiry
 * and CVC are never stored, logged or shown again (the expiry excepted, back in its own field). Served only while
 * the simulator is the configured gateway ({@code cps.billing.payment-gateway.adapter=simulator}); needs no token.
 */
@Controller
@ConditionalOnProperty(
        prefix = "cps.billing.payment-gateway",
        name = "adapter",
        havingValue = PaymentGatewaySettings.SIMULATOR,
        matchIfMissing = true)
class SimulatedCardForm {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCardForm.class);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);
    private static final int MAX_STATE_LENGTH = 1024;

    private final SimulatedCardTokens tokens;
    private final Clock clock;

    SimulatedCardForm(SimulatedCardTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping(CardFormPage.PATH)
    ResponseEntity<String> show(HttpServletRequest request) {
        return withRequest(
                request,
                (t, returnUrl, state) ->
                        page(HttpStatus.OK, returnUrl, CardFormPage.form(t, returnUrl, state, "", Map.of())));
    }

    @PostMapping(CardFormPage.PATH)
    ResponseEntity<String> authorise(HttpServletRequest request) {
        return withRequest(request, (t, returnUrl, state) -> {
            String expiry = single(request, "expiry");
            CardEntry entry = CardEntry.check(
                    single(request, "card_number"), expiry, single(request, "cvc"), YearMonth.now(clock));
            Optional<TestCard> card = entry.card();
            if (card.isEmpty()) {
                String shownExpiry = expiry == null || expiry.length() > 16 ? "" : expiry.strip();
                return page(
                        HttpStatus.BAD_REQUEST,
                        returnUrl,
                        CardFormPage.form(t, returnUrl, state, shownExpiry, entry.problems()));
            }
            if (card.get().declinedAtVerification()) {
                log.info(
                        "Simulated card form: card ending {} declined",
                        card.get().last4());
                return seeOther(returnUrl.with("error", "card_declined", "state", state));
            }
            String token = tokens.issue(card.get());
            log.info(
                    "Simulated card form: card ending {} verified, token issued",
                    card.get().last4());
            return seeOther(returnUrl.with("token", token, "state", state));
        });
    }

    /** The simulator's own store failed: the gateway is unavailable, as a page (the global handler answers JSON). */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> unavailable(DataAccessException e, HttpServletRequest request) {
        log.warn("Simulated card form unavailable: {}", e.toString());
        CardFormText t = CardFormText.forLocale(firstOrNull(request, "locale")).orElse(CardFormText.ENGLISH);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", policy(null))
                .body(CardFormPage.problem(t, t.unavailable()));
    }

    private interface Handler {
        ResponseEntity<String> handle(CardFormText t, ReturnUrl returnUrl, String state);
    }

    /**
     * Checks the parameters every request carries; a bad one, or any parameter given twice, is a 400 page, never a
     * redirect.
     */
    private static ResponseEntity<String> withRequest(HttpServletRequest request, Handler handler) {
        Optional<CardFormText> text = CardFormText.forLocale(firstOrNull(request, "locale"));
        if (text.isEmpty()) {
            return badRequest(CardFormText.ENGLISH);
        }
        CardFormText t = text.get();
        try {
            single(request, "locale");
            Optional<ReturnUrl> returnUrl = ReturnUrl.parse(single(request, "return_url"));
            String state = single(request, "state");
            if (returnUrl.isEmpty() || (state != null && state.length() > MAX_STATE_LENGTH)) {
                return badRequest(t);
            }
            return handler.handle(t, returnUrl.get(), state);
        } catch (RepeatedParameter e) {
            return badRequest(t);
        }
    }

    private static ResponseEntity<String> badRequest(CardFormText t) {
        return ResponseEntity.badRequest()
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", policy(null))
                .body(CardFormPage.problem(t, t.badRequest()));
    }

    private static ResponseEntity<String> page(HttpStatus status, ReturnUrl returnUrl, String html) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", policy(returnUrl))
                .body(html);
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(location))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * Nothing but the inline style sheet; the form may post only to this page, whose answer redirects to the return
     * URL (browsers apply {@code form-action} to that redirect as well).
     */
    private static String policy(ReturnUrl returnUrl) {
        String formAction = returnUrl == null ? "'none'" : "'self' " + returnUrl.origin();
        return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; form-action "
                + formAction;
    }

    /** The parameter's value, {@code null} when absent; given more than once, it is refused. */
    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new RepeatedParameter();
        }
        return values[0];
    }

    private static String firstOrNull(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static final class RepeatedParameter extends RuntimeException {
        RepeatedParameter() {
            super(null, null, false, false);
        }
    }
}
