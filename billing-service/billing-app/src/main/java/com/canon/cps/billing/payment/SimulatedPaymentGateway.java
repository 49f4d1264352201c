package com.canon.cps.billing.payment;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.resilience.SimulatedFaults;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A local stand-in for a card payment gateway, with the semantics of a real one in test mode (e.g. Stripe): test
 * tokens pick the answer, idempotency keys are honoured durably, card numbers are refused.
 *
 * <table>
 *   <caption>Test tokens</caption>
 *   <tr><th>token</th><th>verification</th><th>charge</th></tr>
 *   <tr><td>{@code tok_visa}</td><td>APPROVED</td><td>APPROVED</td></tr>
 *   <tr><td>{@code tok_decline_verify}</td><td>DECLINED</td><td>DECLINED</td></tr>
 *   <tr><td>{@code tok_decline_charge}</td><td>APPROVED</td><td>DECLINED</td></tr>
 *   <tr><td>{@code tok_auth_required}</td><td>APPROVED</td><td>AUTHENTICATION_REQUIRED (off-session)</td></tr>
 *   <tr><td>a token issued by the hosted card form</td><td colspan="2">as the fixed token of its test card
 *       ({@link TestCard}, {@link SimulatedCardTokens})</td></tr>
 *   <tr><td>anything else</td><td>INVALID_TOKEN</td><td>INVALID_TOKEN</td></tr>
 * </table>
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every operation on a known token is recorded in {@code payment_gateway_simulator_operation} under its
 *       idempotency key, with a fingerprint of the request, in a transaction of its own (REQUIRES_NEW): the outside
 *       party does not roll back with its caller. The same key with the same request returns the recorded result and
 *       has no second effect; the same key with another request is refused with an {@link IllegalArgumentException}
 *       (a real gateway answers 400).
 *   <li>A refund names an approved charge by its reference and may take at most what is left of it (its amount less
 *       its approved refunds, checked under a lock on the charge's row); more is DECLINED, an unknown or declined
 *       charge INVALID_TOKEN. Approved and declined refunds are recorded under their key like any operation.
 *   <li>Nothing is recorded for an invalid token (nothing happened). Tokens are recorded only as SHA-256 hashes. A card number (12 to 19 digits, spaces or dashes
 *       allowed) is refused as INVALID_TOKEN and is neither stored, hashed nor logged.
 *   <li>Faults: an outage fails every call at once; a timeout hangs for {@code hang} without any effect; a lost
 *       response records the operation (the money moved) and then hangs. Only new operations lose their response, so
 *       a retry with the same key gets the recorded result. All of them end in
 *       {@link PaymentGatewayUnavailableException} (or in the caller's time limit first).
 * </ul>
 */
class SimulatedPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern CARD_NUMBER_SEPARATORS = Pattern.compile("[\\s-]");
    private static final int MAX_KEY_LENGTH = 255;

    enum Operation {
        VERIFY,
        CHARGE,
        REFUND
    }

    private final JdbcTemplate jdbc;
    private final SimulatedCardTokens cardTokens;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SimulatedFaults faults;
    private final SecureRandom references = new SecureRandom();

    /**
     * @param dice decides which calls time out or lose their response (seed it, or use rates 0 and 1, for
     *     deterministic tests)
     */
    SimulatedPaymentGateway(
            JdbcTemplate jdbc,
            SimulatedCardTokens cardTokens,
            PlatformTransactionManager transactionManager,
            Clock clock,
            PaymentGatewaySettings.SimulatorSettings settings,
            Random dice) {
        this.jdbc = jdbc;
        this.cardTokens = cardTokens;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.faults = new SimulatedFaults(
                "payment gateway",
                settings.faults(),
                dice,
                what -> new PaymentGatewayUnavailableException(GatewayFault.TIMEOUT, "Payment gateway " + what));
    }

    @Override
    public GatewayResult verifyCard(String cardToken, String currency, String idempotencyKey) {
        return perform(Operation.VERIFY, cardToken, null, currency, idempotencyKey);
    }

    @Override
    public GatewayResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        return perform(Operation.CHARGE, cardToken, chargeAmount(amount), currency, idempotencyKey);
    }

    @Override
    public GatewayResult refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        requireKey(idempotencyKey);
        String ccy = currency(currency);
        BigDecimal refundAmount = chargeAmount(amount);
        injectFaults();
        Recorded recorded;
        try {
            recorded =
                    ownTransaction.execute(status -> recordRefund(chargeReference, refundAmount, ccy, idempotencyKey));
        } catch (DataAccessException | TransactionException e) {
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TECHNICAL_ERROR, "Simulated payment gateway failed to store the refund", e);
        }
        if (recorded == null) {
            return new GatewayResult(GatewayOutcome.INVALID_TOKEN, null, "No such charge (resource_missing).");
        }
        if (recorded.fresh() && faults.loseResponse()) {
            throw faults.hangThenTimeOut(
                    "response lost after REFUND " + recorded.result().gatewayReference() + " (simulated)");
        }
        return recorded.result();
    }

    /** The refund under {@code key}: recorded now, or as recorded before; null when there is no such charge. */
    private Recorded recordRefund(String chargeReference, BigDecimal amount, String currency, String key) {
        String fingerprint =
                Sha256.hex(Operation.REFUND + "\n" + chargeReference + "\n" + amount.toPlainString() + "\n" + currency);
        Optional<Stored> before = stored(key);
        if (before.isPresent()) {
            if (!before.get().fingerprint().equals(fingerprint)) {
                throw new IllegalArgumentException(
                        "Idempotency key " + key
                                + " was already used for a different request; keys can only be reused with the same parameters");
            }
            return new Recorded(before.get().result(), false);
        }
        List<Map<String, Object>> charges = jdbc.queryForList("""
                SELECT token_sha256, amount, currency FROM payment_gateway_simulator_operation
                WHERE gateway_reference = ? AND operation = 'CHARGE' AND outcome = 'APPROVED' FOR UPDATE""", chargeReference);
        if (charges.isEmpty()) {
            return null;
        }
        Map<String, Object> charge = charges.get(0);
        if (!currency.equals(((String) charge.get("currency")).trim())) {
            throw new IllegalArgumentException(
                    "A refund is made in the charge's currency " + charge.get("currency") + ", not " + currency);
        }
        BigDecimal refunded = jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount), 0) FROM payment_gateway_simulator_operation
                WHERE charge_reference = ? AND operation = 'REFUND' AND outcome = 'APPROVED'""", BigDecimal.class, chargeReference);
        BigDecimal left = ((BigDecimal) charge.get("amount")).subtract(refunded);
        GatewayResult decided = amount.compareTo(left) <= 0
                ? new GatewayResult(GatewayOutcome.APPROVED, "re_" + random(24), "Refund succeeded.")
                : new GatewayResult(
                        GatewayOutcome.DECLINED,
                        null,
                        left.signum() == 0
                                ? "The charge has been refunded already (charge_already_refunded)."
                                : "The refund is larger than what is left of the charge, " + left.toPlainString()
                                        + " (amount_too_large).");
        jdbc.update(
                """
                INSERT INTO payment_gateway_simulator_operation (idempotency_key, fingerprint, operation, token_sha256,
                    amount, currency, outcome, gateway_reference, message, created_at, charge_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                key,
                fingerprint,
                Operation.REFUND.name(),
                charge.get("token_sha256"),
                amount,
                currency,
                decided.outcome().name(),
                decided.gatewayReference(),
                decided.message(),
                Timestamp.from(clock.instant()),
                chargeReference);
        return new Recorded(decided, true);
    }

    private Optional<Stored> stored(String key) {
        return jdbc
                .query(
                        """
                        SELECT fingerprint, outcome, gateway_reference, message
                        FROM payment_gateway_simulator_operation WHERE idempotency_key = ?""",
                        (rs, row) -> new Stored(
                                rs.getString("fingerprint"),
                                new GatewayResult(
                                        GatewayOutcome.valueOf(rs.getString("outcome")),
                                        rs.getString("gateway_reference"),
                                        rs.getString("message"))),
                        key)
                .stream()
                .findFirst();
    }

    private GatewayResult perform(
            Operation operation, String token, BigDecimal amount, String currency, String idempotencyKey) {
        requireKey(idempotencyKey);
        String ccy = currency(currency);
        injectFaults();
        if (looksLikeCardNumber(token)) {
            log.warn("Simulated payment gateway refused a card number given as a card token (not stored)");
            return new GatewayResult(
                    GatewayOutcome.INVALID_TOKEN,
                    null,
                    "Card numbers are not accepted; send a token from the payment form (invalid_request_error).");
        }
        Recorded recorded;
        try {
            String behaviour = behaviourOf(token);
            if (behaviour == null) {
                return new GatewayResult(GatewayOutcome.INVALID_TOKEN, null, "No such token (resource_missing).");
            }
            recorded =
                    ownTransaction.execute(status -> record(operation, token, behaviour, amount, ccy, idempotencyKey));
        } catch (DataAccessException | TransactionException e) {
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TECHNICAL_ERROR, "Simulated payment gateway failed to store the operation", e);
        }
        GatewayResult result = recorded.result();
        log.debug(
                "Simulated payment gateway {} {} -> {} {}{}",
                operation,
                idempotencyKey,
                result.outcome(),
                result.gatewayReference(),
                recorded.fresh() ? "" : " (idempotent replay)");
        if (recorded.fresh() && faults.loseResponse()) {
            throw faults.hangThenTimeOut(
                    "response lost after " + operation + " " + result.gatewayReference() + " (simulated)");
        }
        return result;
    }

    /** The fixed test token whose answers {@code token} gives, or {@code null} when the gateway knows no such token. */
    private String behaviourOf(String token) {
        if (isTestToken(token)) {
            return token;
        }
        return cardTokens.behaviourOf(token).orElse(null);
    }

    private Recorded record(
            Operation operation, String token, String behaviour, BigDecimal amount, String currency, String key) {
        String tokenHash = Sha256.hex(token);
        String fingerprint = Sha256.hex(
                operation + "\n" + tokenHash + "\n" + (amount == null ? "" : amount.toPlainString()) + "\n" + currency);
        GatewayResult decided = decide(operation, behaviour);
        int inserted = jdbc.update(
                """
                INSERT INTO payment_gateway_simulator_operation (idempotency_key, fingerprint, operation, token_sha256,
                    amount, currency, outcome, gateway_reference, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""",
                key,
                fingerprint,
                operation.name(),
                tokenHash,
                amount,
                currency,
                decided.outcome().name(),
                decided.gatewayReference(),
                decided.message(),
                Timestamp.from(clock.instant()));
        if (inserted == 1) {
            return new Recorded(decided, true);
        }
        List<Stored> stored = jdbc.query(
                """
                SELECT fingerprint, outcome, gateway_reference, message
                FROM payment_gateway_simulator_operation WHERE idempotency_key = ?""",
                (rs, row) -> new Stored(
                        rs.getString("fingerprint"),
                        new GatewayResult(
                                GatewayOutcome.valueOf(rs.getString("outcome")),
                                rs.getString("gateway_reference"),
                                rs.getString("message"))),
                key);
        Stored first = stored.get(0);
        if (!first.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("Idempotency key " + key
                    + " was already used for a different request; keys can only be reused with the same parameters");
        }
        return new Recorded(first.result(), false);
    }

    private GatewayResult decide(Operation operation, String behaviour) {
        GatewayOutcome outcome = switch (behaviour) {
            case "tok_visa" -> GatewayOutcome.APPROVED;
            case "tok_decline_verify" -> GatewayOutcome.DECLINED;
            case "tok_decline_charge" ->
                operation == Operation.VERIFY ? GatewayOutcome.APPROVED : GatewayOutcome.DECLINED;
            case "tok_auth_required" ->
                operation == Operation.VERIFY ? GatewayOutcome.APPROVED : GatewayOutcome.AUTHENTICATION_REQUIRED;
            default -> throw new IllegalStateException("not a test token");
        };
        String reference = (operation == Operation.VERIFY ? "seti_" : "ch_") + random(24);
        String message = switch (outcome) {
            case APPROVED -> operation == Operation.VERIFY ? "Card verified." : "Charge succeeded.";
            case DECLINED -> "Your card was declined (card_declined).";
            case AUTHENTICATION_REQUIRED ->
                "The card requires authentication by the cardholder; it cannot be charged off-session"
                        + " (authentication_required).";
            case INVALID_TOKEN -> "No such token (resource_missing).";
        };
        return new GatewayResult(outcome, reference, message);
    }

    private static boolean isTestToken(String token) {
        return token != null
                && switch (token) {
                    case "tok_visa", "tok_decline_verify", "tok_decline_charge", "tok_auth_required" -> true;
                    default -> false;
                };
    }

    /** 12 to 19 digits, possibly grouped with spaces or dashes: a primary account number, never a token. */
    static boolean looksLikeCardNumber(String token) {
        return token != null
                && CARD_NUMBER
                        .matcher(CARD_NUMBER_SEPARATORS.matcher(token).replaceAll(""))
                        .matches();
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

    private static BigDecimal chargeAmount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("A charge needs a positive amount");
        }
        try {
            return amount.setScale(2);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A charge amount has at most 2 decimals: " + amount.toPlainString());
        }
    }

    /** An outage fails at once; otherwise the answer takes its latency, unless the call hangs and times out. */
    private void injectFaults() {
        if (faults.outage()) {
            throw new PaymentGatewayUnavailableException(GatewayFault.OUTAGE, "Simulated payment gateway outage");
        }
        faults.pause();
        if (faults.draw() == SimulatedFaults.Fault.TIMEOUT) {
            throw faults.hangThenTimeOut("timed out (simulated)");
        }
    }

    private String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(references.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** Turns the simulated outage on or off (every call fails at once as unavailable while it is on). */
    public void outage(boolean on) {
        faults.outage(on);
    }

    public void latency(Duration latency) {
        faults.latency(latency);
    }

    public void timeoutRate(double rate) {
        faults.timeoutRate(rate);
    }

    public void lostResponseRate(double rate) {
        faults.lostResponseRate(rate);
    }

    public void hang(Duration hang) {
        faults.hang(hang);
    }

    private record Recorded(GatewayResult result, boolean fresh) {}

    private record Stored(String fingerprint, GatewayResult result) {}
}
