package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.payment.GatewayOutcome;
import tools.jackson.databind.JsonNode;

/**
 * What a SetupIntent's or PaymentIntent's state means for the port: Stripe's {@code status} (and the code of its last
 * error) mapped onto our outcomes, {@code PENDING} while Stripe has not decided.
 *
 * <table>
 *   <caption>Intent status</caption>
 *   <tr><td>{@code succeeded}</td><td>APPROVED</td></tr>
 *   <tr><td>{@code processing}</td><td>PENDING (a webhook or a later look decides)</td></tr>
 *   <tr><td>{@code requires_action}, {@code requires_confirmation}</td>
 *       <td>AUTHENTICATION_REQUIRED (3-D Secure; impossible off-session)</td></tr>
 *   <tr><td>{@code requires_payment_method} after an error {@code authentication_required} or
 *       {@code setup_intent_authentication_failure}</td><td>AUTHENTICATION_REQUIRED</td></tr>
 *   <tr><td>{@code requires_payment_method} after any other error, {@code canceled}</td><td>DECLINED</td></tr>
 * </table>
 */
final class StripeIntents {

    private StripeIntents() {}

    /**
     * The outcome of a Refund object: {@code succeeded} APPROVED; {@code pending} and {@code requires_action} PENDING;
     * {@code failed} and {@code canceled} DECLINED; null for a status Stripe does not document.
     */
    static String refundOutcome(JsonNode refund) {
        return switch (refund.path("status").asString("")) {
            case "succeeded" -> GatewayOutcome.APPROVED.name();
            case "pending", "requires_action" -> StripeLedger.PENDING;
            case "failed", "canceled" -> GatewayOutcome.DECLINED.name();
            default -> null;
        };
    }

    /** The outcome of an intent object, or {@code null} when its status is none Stripe documents. */
    static String outcome(JsonNode intent, StripeLedger.Kind kind) {
        if (kind == StripeLedger.Kind.REFUND) {
            return refundOutcome(intent);
        }
        String status = intent.path("status").asString("");
        JsonNode lastError = intent.path(kind == StripeLedger.Kind.SETUP ? "last_setup_error" : "last_payment_error");
        return switch (status) {
            case "succeeded" -> GatewayOutcome.APPROVED.name();
            case "processing" -> StripeLedger.PENDING;
            case "requires_action", "requires_confirmation" -> GatewayOutcome.AUTHENTICATION_REQUIRED.name();
            case "requires_payment_method" ->
                authentication(lastError.path("code").asString(""))
                        ? GatewayOutcome.AUTHENTICATION_REQUIRED.name()
                        : GatewayOutcome.DECLINED.name();
            case "canceled" -> GatewayOutcome.DECLINED.name();
            default -> null;
        };
    }

    /** Whether a Stripe error code means that the cardholder must authenticate. */
    static boolean authentication(String code) {
        return code.equals("authentication_required") || code.equals("setup_intent_authentication_failure");
    }

    /** A sentence for operators: Stripe's message with its code; never card data. */
    static String message(String outcome, JsonNode error, StripeLedger.Kind kind) {
        if (GatewayOutcome.APPROVED.name().equals(outcome)) {
            return switch (kind) {
                case SETUP -> "Card verified.";
                case PAYMENT -> "Charge succeeded.";
                case REFUND -> "Refund succeeded.";
            };
        }
        if (StripeLedger.PENDING.equals(outcome)) {
            return "Stripe is still processing the operation.";
        }
        String text = error.path("message").asString("");
        String code = error.path("decline_code").asString(error.path("code").asString(""));
        if (text.isEmpty() && kind == StripeLedger.Kind.REFUND) {
            String reason = error.path("failure_reason").asString("");
            text = "The refund failed" + (reason.isEmpty() ? "." : " (" + reason + ").");
        } else if (text.isEmpty()) {
            text = GatewayOutcome.AUTHENTICATION_REQUIRED.name().equals(outcome)
                    ? "The card requires authentication by the cardholder; it cannot be charged off-session."
                    : "The card was declined.";
        }
        return code.isEmpty() ? text : text + " (" + code + ")";
    }
}
