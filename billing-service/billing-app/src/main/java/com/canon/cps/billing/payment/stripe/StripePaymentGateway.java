package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.payment.GatewayFault;
import com.canon.cps.billing.payment.GatewayOutcome;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGateway;
import com.canon.cps.billing.payment.PaymentGatewayUnavailableException;
import com.canon.cps.platform.hashing.Sha256;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Stripe behind the gateway port.
 *
 * <ul>
 *   <li><b>Verification</b> ({@code verifyCard}): a card saved through our card step already has the SetupIntent that
 *       Stripe's Checkout confirmed with the cardholder present (3-D Secure included); the verification retrieves it.
 *       A bare PaymentMethod ({@code pm_...}, e.g. from Stripe Elements) gets a SetupIntent of its own, {@code
 *       usage=off_session}, confirmed at once, with a Customer to attach it to when it has none.
 *   <li><b>Charge</b> on the due date: a PaymentIntent for the customer's saved card, {@code off_session=true},
 *       {@code confirm=true}. A card that needs authentication answers 402 {@code authentication_required} (or the
 *       intent waits in {@code requires_action}): AUTHENTICATION_REQUIRED, the member has to come back.
 *   <li><b>Refund</b> of a credited card payment: a Refund of the charge's PaymentIntent ({@code payment_intent},
 *       {@code amount}); {@code pending} is PENDING until Stripe decides, {@code failed}/{@code canceled} and Stripe's
 *       refusals ({@code charge_already_refunded}, {@code amount_too_large}, {@code charge_disputed}) are DECLINED, an
 *       unknown PaymentIntent INVALID_TOKEN.
 *   <li><b>Idempotency:</b> every POST carries our idempotency key as Stripe's {@code Idempotency-Key} and as
 *       {@code metadata[cps_idempotency_key]}. Stripe replays a key's first answer for 24 hours (a 500 included); the
 *       {@link StripeLedger} remembers the intent of each key for good, so after a lost answer, a 500 or a day's wait
 *       a retry looks at that intent instead of creating a second one (webhooks fill the ledger too, via the metadata).
 *       The same key with another request is refused ({@link IllegalArgumentException}), as Stripe does.
 *   <li><b>Faults:</b> 429 RATE_LIMITED, 5xx OUTAGE, 401/403/409 and anything malformed TECHNICAL_ERROR, an intent
 *       still {@code processing} PENDING; all of them {@link PaymentGatewayUnavailableException}s, asked again later
 *       with the same key. Declines are answers. A token we do not know, or a card number, is INVALID_TOKEN without a
 *       call (a card number is never sent, stored or logged).
 * </ul>
 */
public final class StripePaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");
    private static final Pattern INTENT_ID = Pattern.compile("(seti|pi|re)_[A-Za-z0-9_]{1,250}");
    private static final Pattern PAYMENT_INTENT = Pattern.compile("pi_[A-Za-z0-9_]{1,250}");
    /** Stripe's answers to a refund it will not make: they are declines, not faults or refused requests. */
    private static final java.util.Set<String> REFUND_REFUSALS =
            java.util.Set.of("charge_already_refunded", "amount_too_large", "charge_disputed");

    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final int MAX_KEY_LENGTH = 200;
    static final String METADATA_KEY = "cps_idempotency_key";

    private final StripeApi api;
    private final StripeLedger ledger;
    private final StripeCards cards;

    public StripePaymentGateway(StripeApi api, StripeLedger ledger, StripeCards cards) {
        this.api = api;
        this.ledger = ledger;
        this.cards = cards;
    }

    /** The customer, PaymentMethod and (for a card from our card step) the SetupIntent behind a token. */
    private record Target(String customerId, String paymentMethodId, String setupIntentId) {}

    /** Stripe's decision on an intent; {@code outcome} PENDING or a {@link GatewayOutcome} name. */
    private record Decision(String outcome, String intentId, String message) {

        static final Decision INVALID_TOKEN =
                new Decision(GatewayOutcome.INVALID_TOKEN.name(), null, "No such card at Stripe (resource_missing).");
    }

    @Override
    public GatewayResult verifyCard(String cardToken, String currency, String idempotencyKey) {
        requireKey(idempotencyKey);
        String ccy = currency(currency);
        if (looksLikeCardNumber(cardToken)) {
            return cardNumberRefused();
        }
        String fingerprint = fingerprint(StripeLedger.Kind.SETUP, cardToken, null, ccy);
        Optional<GatewayResult> known = known(idempotencyKey, fingerprint, StripeLedger.Kind.SETUP);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<Target> target = target(cardToken);
        if (target.isEmpty()) {
            return result(Decision.INVALID_TOKEN);
        }
        Decision decision;
        if (target.get().setupIntentId() != null) {
            decision = decide(api.get("/v1/setup_intents/" + target.get().setupIntentId()), StripeLedger.Kind.SETUP);
        } else {
            String customer =
                    target.get().customerId() != null ? target.get().customerId() : createCustomer(idempotencyKey);
            StripeApi.Form form = StripeApi.Form.of()
                    .add("customer", customer)
                    .add("payment_method", target.get().paymentMethodId())
                    .add("confirm", "true")
                    .add("usage", "off_session")
                    .add("payment_method_types[]", "card")
                    .add("metadata[" + METADATA_KEY + "]", idempotencyKey);
            decision = decide(api.post("/v1/setup_intents", form, idempotencyKey), StripeLedger.Kind.SETUP);
        }
        return settle(idempotencyKey, fingerprint, StripeLedger.Kind.SETUP, decision);
    }

    @Override
    public GatewayResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        requireKey(idempotencyKey);
        String ccy = currency(currency);
        long minorUnits = minorUnits(amount, ccy);
        if (looksLikeCardNumber(cardToken)) {
            return cardNumberRefused();
        }
        String fingerprint = fingerprint(StripeLedger.Kind.PAYMENT, cardToken, minorUnits, ccy);
        Optional<GatewayResult> known = known(idempotencyKey, fingerprint, StripeLedger.Kind.PAYMENT);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<Target> target = target(cardToken);
        if (target.isEmpty()) {
            return result(Decision.INVALID_TOKEN);
        }
        StripeApi.Form form = StripeApi.Form.of()
                .add("amount", Long.toString(minorUnits))
                .add("currency", ccy.toLowerCase(Locale.ROOT))
                .add("customer", target.get().customerId())
                .add("payment_method", target.get().paymentMethodId())
                .add("off_session", "true")
                .add("confirm", "true")
                .add("payment_method_types[]", "card")
                .add("metadata[" + METADATA_KEY + "]", idempotencyKey);
        Decision decision = decide(api.post("/v1/payment_intents", form, idempotencyKey), StripeLedger.Kind.PAYMENT);
        return settle(idempotencyKey, fingerprint, StripeLedger.Kind.PAYMENT, decision);
    }

    @Override
    public GatewayResult refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        requireKey(idempotencyKey);
        String ccy = currency(currency);
        long minorUnits = minorUnits(amount, ccy);
        if (chargeReference == null || !PAYMENT_INTENT.matcher(chargeReference).matches()) {
            return new GatewayResult(
                    GatewayOutcome.INVALID_TOKEN, null, "No such PaymentIntent at Stripe (resource_missing).");
        }
        String fingerprint = fingerprint(StripeLedger.Kind.REFUND, chargeReference, minorUnits, ccy);
        Optional<GatewayResult> known = known(idempotencyKey, fingerprint, StripeLedger.Kind.REFUND);
        if (known.isPresent()) {
            return known.get();
        }
        StripeApi.Form form = StripeApi.Form.of()
                .add("payment_intent", chargeReference)
                .add("amount", Long.toString(minorUnits))
                .add("metadata[" + METADATA_KEY + "]", idempotencyKey);
        StripeApi.Answer answer = api.post("/v1/refunds", form, idempotencyKey);
        String code = answer.ok() ? "" : answer.error().path("code").asString("");
        Decision decision = answer.status() == 400 && REFUND_REFUSALS.contains(code)
                ? new Decision(
                        GatewayOutcome.DECLINED.name(),
                        null,
                        answer.error().path("message").asString("The refund was refused") + " (" + code + ")")
                : decide(answer, StripeLedger.Kind.REFUND);
        return settle(idempotencyKey, fingerprint, StripeLedger.Kind.REFUND, decision);
    }

    /** The answer for a key we have used before: the decided outcome, or Stripe's current view of its intent. */
    private Optional<GatewayResult> known(String key, String fingerprint, StripeLedger.Kind kind) {
        Optional<StripeLedger.Entry> entry = ledger.find(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        StripeLedger.Entry known = entry.get();
        if (known.kind() != kind
                || (known.fingerprint() != null && !known.fingerprint().equals(fingerprint))) {
            throw new IllegalArgumentException("Idempotency key " + key
                    + " was already used for a different request; keys can only be reused with the same parameters");
        }
        if (known.decided()) {
            return Optional.of(result(new Decision(known.outcome(), known.intentId(), known.message())));
        }
        if (known.intentId() == null || !INTENT_ID.matcher(known.intentId()).matches()) {
            return Optional.empty();
        }
        String path = switch (kind) {
                    case SETUP -> "/v1/setup_intents/";
                    case PAYMENT -> "/v1/payment_intents/";
                    case REFUND -> "/v1/refunds/";
                }
                + known.intentId();
        return Optional.of(settle(key, fingerprint, kind, decide(api.get(path), kind)));
    }

    /** Whom to verify or charge; empty when the token names no card we can use. */
    private Optional<Target> target(String token) {
        Optional<StripeCards.Card> card = cards.find(token);
        if (card.isPresent()) {
            StripeCards.Card c = card.get();
            return Optional.of(new Target(c.customerId(), c.paymentMethodId(), c.setupIntentId()));
        }
        if (token == null || !PAYMENT_METHOD.matcher(token).matches()) {
            return Optional.empty();
        }
        StripeApi.Answer answer = api.get("/v1/payment_methods/" + token);
        if (!answer.ok()) {
            if (answer.status() == 404
                    || "resource_missing".equals(answer.error().path("code").asString(""))) {
                return Optional.empty();
            }
            throw unavailable(answer, "retrieving a PaymentMethod");
        }
        String customer = answer.body().path("customer").isString()
                ? answer.body().path("customer").asString()
                : null;
        return Optional.of(new Target(customer, token, null));
    }

    private String createCustomer(String key) {
        StripeApi.Form form = StripeApi.Form.of().add("metadata[" + METADATA_KEY + "]", key);
        StripeApi.Answer answer = api.post("/v1/customers", form, key + ":customer");
        if (!answer.ok() || !answer.body().path("id").isString()) {
            throw unavailable(answer, "creating a Customer");
        }
        return answer.body().path("id").asString();
    }

    /** What Stripe's answer about an intent decides (or the fault it is). */
    private Decision decide(StripeApi.Answer answer, StripeLedger.Kind kind) {
        if (answer.ok()) {
            JsonNode intent = answer.body();
            String outcome = StripeIntents.outcome(intent, kind);
            String id = intent.path("id").asString("");
            if (outcome == null || !INTENT_ID.matcher(id).matches()) {
                throw new PaymentGatewayUnavailableException(
                        GatewayFault.TECHNICAL_ERROR, "Stripe answered with an intent we cannot read");
            }
            JsonNode lastError = switch (kind) {
                case SETUP -> intent.path("last_setup_error");
                case PAYMENT -> intent.path("last_payment_error");
                case REFUND -> intent;
            };
            return new Decision(outcome, id, StripeIntents.message(outcome, lastError, kind));
        }
        JsonNode error = answer.error();
        String type = error.path("type").asString("");
        String code = error.path("code").asString("");
        if (answer.status() == 402 && type.equals("card_error")) {
            JsonNode intent = error.path(kind == StripeLedger.Kind.SETUP ? "setup_intent" : "payment_intent");
            String outcome = StripeIntents.authentication(code)
                    ? GatewayOutcome.AUTHENTICATION_REQUIRED.name()
                    : GatewayOutcome.DECLINED.name();
            String id = intent.path("id").asString(null);
            return new Decision(outcome, id, StripeIntents.message(outcome, error, kind));
        }
        if (answer.status() == 400) {
            if (type.equals("idempotency_error")) {
                throw new IllegalArgumentException("Stripe refused the idempotency key: "
                        + error.path("message").asString(""));
            }
            if (code.equals("resource_missing")) {
                return Decision.INVALID_TOKEN;
            }
            throw new IllegalArgumentException("Stripe refused the request: "
                    + error.path("message").asString("") + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        throw unavailable(
                answer,
                switch (kind) {
                    case SETUP -> "a SetupIntent";
                    case PAYMENT -> "a PaymentIntent";
                    case REFUND -> "a Refund";
                });
    }

    private GatewayResult settle(String key, String fingerprint, StripeLedger.Kind kind, Decision decision) {
        if (decision == Decision.INVALID_TOKEN) {
            return result(decision);
        }
        ledger.record(key, fingerprint, kind, decision.intentId(), decision.outcome(), decision.message());
        log.debug("Stripe {} {} -> {} {}", kind, key, decision.outcome(), decision.intentId());
        if (StripeLedger.PENDING.equals(decision.outcome())) {
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.PENDING, "Stripe has not decided " + decision.intentId() + " yet");
        }
        return result(decision);
    }

    private static GatewayResult result(Decision decision) {
        return new GatewayResult(GatewayOutcome.valueOf(decision.outcome()), decision.intentId(), decision.message());
    }

    private static PaymentGatewayUnavailableException unavailable(StripeApi.Answer answer, String what) {
        int status = answer.status();
        String message = "Stripe answered " + status + " to " + what;
        if (status == 401 || status == 403) {
            log.error("Stripe refused our API key ({}): check cps.billing.payment-gateway.stripe.secret-key", status);
            return new PaymentGatewayUnavailableException(GatewayFault.TECHNICAL_ERROR, message);
        }
        if (status == 429) {
            return new PaymentGatewayUnavailableException(GatewayFault.RATE_LIMITED, message);
        }
        if (status >= 500) {
            return new PaymentGatewayUnavailableException(GatewayFault.OUTAGE, message);
        }
        return new PaymentGatewayUnavailableException(GatewayFault.TECHNICAL_ERROR, message);
    }

    private static GatewayResult cardNumberRefused() {
        log.warn("Stripe adapter refused a card number given as a card token (not sent, not stored)");
        return new GatewayResult(
                GatewayOutcome.INVALID_TOKEN,
                null,
                "Card numbers are not accepted; send a token from the payment form (invalid_request_error).");
    }

    static boolean looksLikeCardNumber(String token) {
        return token != null
                && CARD_NUMBER.matcher(token.replaceAll("[\\s-]", "")).matches();
    }

    private static String fingerprint(StripeLedger.Kind kind, String token, Long minorUnits, String currency) {
        return Sha256.hex(kind + "\n" + Sha256.hex(String.valueOf(token)) + "\n"
                + (minorUnits == null ? "" : minorUnits) + "\n" + currency);
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "An idempotency key of 1 to " + MAX_KEY_LENGTH + " characters is required");
        }
    }

    private static String currency(String currency) {
        String ccy = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(ccy).matches()) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
        return ccy;
    }

    /** The amount in the currency's smallest unit, as Stripe takes it (e.g. 102.00 GBP is 10200). */
    private static long minorUnits(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("A charge or refund needs a positive amount");
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
        try {
            return amount.setScale(digits).movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A charge amount in " + currency + " has at most " + digits
                    + " decimals: " + amount.toPlainString());
        }
    }
}
