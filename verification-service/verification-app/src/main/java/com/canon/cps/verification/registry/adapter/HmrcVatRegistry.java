package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import com.canon.cps.verification.registry.VatRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * HMRC's "Check a UK VAT number" API v2.0: {@code GET <base>/organisations/vat/check-vat-number/lookup/{targetVrn}/
 * {requesterVrn}} with {@code Accept: application/vnd.hmrc.2.0+json} and an application-restricted OAuth 2.0 token
 * (client credentials, scope {@code read:vat}, from {@code POST <base>/oauth/token}; kept until shortly before it
 * expires, fetched again once when HMRC answers 401). A valid answer's {@code consultationNumber} and
 * {@code processingDate} are kept as evidence.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>200</td><td>valid</td></tr>
 *   <tr><td>404 {@code NOT_FOUND}</td><td>invalid: no registered business has this VRN</td></tr>
 *   <tr><td>400 {@code INVALID_REQUEST}</td><td>fault {@code INVALID_INPUT} (not retried)</td></tr>
 *   <tr><td>403 (our requester VRN unknown)</td><td>fault {@code INVALID_REQUESTER_INFO} (not retried)</td></tr>
 *   <tr><td>429 {@code MESSAGE_THROTTLED_OUT}</td><td>fault {@code RATE_LIMITED}</td></tr>
 *   <tr><td>5xx ({@code SERVER_ERROR}, {@code SCHEDULED_MAINTENANCE}), 504</td>
 *       <td>{@code SERVICE_UNAVAILABLE}, {@code TIMEOUT}</td></tr>
 *   <tr><td>a token refused, anything malformed</td><td>{@code TECHNICAL_ERROR}</td></tr>
 * </table>
 */
public final class HmrcVatRegistry implements VatRegistry {

    private static final Logger log = LoggerFactory.getLogger(HmrcVatRegistry.class);
    static final String ACCEPT = "application/vnd.hmrc.2.0+json";
    private static final Pattern VRN = Pattern.compile("[0-9]{9}|[0-9]{12}");
    /** A token is not used in its last minute: it must not expire on the way. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final RegistryHttp http;
    private final URI base;
    private final String clientId;
    private final String clientSecret;
    private final String requesterVrn;
    private final Clock clock;
    private final Clock wallClock;
    private volatile Token token;

    private record Token(String value, Instant usableUntil) {}

    /**
     * @param baseUrl {@code https://api.service.hmrc.gov.uk} or the sandbox {@code https://test-api.service.hmrc.gov.uk}
     * @param requesterVrn our own VRN (9 or 12 digits, {@code GB} prefix allowed), or {@code null} for checks without
     *     a consultation number
     * @param clock the business clock (the fallback time of a check)
     * @param wallClock real time, for the token's expiry
     */
    public HmrcVatRegistry(
            RegistryHttp http,
            URI baseUrl,
            String clientId,
            String clientSecret,
            String requesterVrn,
            Clock clock,
            Clock wallClock) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("the HMRC adapter needs a client id and a client secret");
        }
        this.http = http;
        this.base = baseUrl;
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret.strip();
        String requester = requesterVrn == null
                ? ""
                : requesterVrn.replaceAll("[\\s.\\-]", "").replaceFirst("^GB", "");
        if (!requester.isEmpty() && !VRN.matcher(requester).matches()) {
            throw new IllegalArgumentException(
                    "not a UK VAT registration number for the HMRC requester: " + requesterVrn);
        }
        if (requester.isEmpty()) {
            log.warn("HMRC checks are made without a requester VRN: valid answers carry no consultation number");
        }
        this.requesterVrn = requester.isEmpty() ? null : requester;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    @Override
    public RegistryAnswer check(String vatId) {
        String target = vatId.substring(2);
        if (!VRN.matcher(target).matches()) {
            // government departments and health authorities (GD/HA) are not in the API: nothing to ask
            throw new RegistryFaultException(RegistryFault.INVALID_INPUT);
        }
        String accessToken = token(null);
        RegistryHttp.Answer answer = lookup(target, accessToken);
        if (answer.status() == 401) {
            // the token expired or was revoked early: one fresh token, then give up
            answer = lookup(target, token(accessToken));
        }
        if (answer.ok()) {
            JsonNode body = RegistryJson.object(answer.body());
            if (!body.path("target").isObject()) {
                throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
            }
            Instant checkedAt = RegistryJson.timestamp(RegistryJson.text(body, "processingDate"), clock.instant());
            return new RegistryAnswer.Valid(
                    Registry.HMRC, vatId, RegistryJson.text(body, "consultationNumber"), checkedAt);
        }
        String code = RegistryJson.text(RegistryJson.objectOrEmpty(answer.body()), "code");
        if (answer.status() == 404 && "NOT_FOUND".equals(code)) {
            return new RegistryAnswer.Invalid(Registry.HMRC, vatId, clock.instant());
        }
        throw new RegistryFaultException(
                switch (answer.status()) {
                    case 400 -> RegistryFault.INVALID_INPUT;
                    case 403 ->
                        requesterVrn == null ? RegistryFault.TECHNICAL_ERROR : RegistryFault.INVALID_REQUESTER_INFO;
                    default -> answer.statusFault();
                });
    }

    private RegistryHttp.Answer lookup(String target, String accessToken) {
        String path = "organisations/vat/check-vat-number/lookup/" + target
                + (requesterVrn == null ? "" : "/" + requesterVrn);
        HttpRequest request = http.request(Endpoints.resolve(base, path))
                .header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return http.send(request, "HMRC");
    }

    /**
     * A usable access token: the one we hold, or a new one when it is about to expire or when HMRC refused
     * {@code rejected} (unless another call has replaced that one already).
     */
    private String token(String rejected) {
        Token held = token;
        if (held != null
                && !held.value().equals(rejected)
                && wallClock.instant().isBefore(held.usableUntil())) {
            return held.value();
        }
        synchronized (this) {
            held = token;
            if (held != null
                    && !held.value().equals(rejected)
                    && wallClock.instant().isBefore(held.usableUntil())) {
                return held.value();
            }
            Token fresh = fetchToken();
            token = fresh;
            return fresh.value();
        }
    }

    private Token fetchToken() {
        String form = "client_secret=" + encode(clientSecret) + "&client_id=" + encode(clientId)
                + "&grant_type=client_credentials&scope=" + encode("read:vat");
        HttpRequest request = http.request(Endpoints.resolve(base, "oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Instant asked = wallClock.instant();
        RegistryHttp.Answer answer = http.send(request, "HMRC");
        if (!answer.ok()) {
            if (answer.status() == 400 || answer.status() == 401) {
                log.error(
                        "HMRC refused our client credentials ({} {}): check the HMRC client id and secret",
                        answer.status(),
                        RegistryJson.text(RegistryJson.objectOrEmpty(answer.body()), "error"));
                throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
            }
            throw new RegistryFaultException(answer.statusFault());
        }
        JsonNode json = RegistryJson.object(answer.body());
        String accessToken = RegistryJson.text(json, "access_token");
        long expiresIn = json.path("expires_in").asLong(0);
        if (accessToken == null || accessToken.isBlank() || expiresIn <= 0) {
            throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        }
        return new Token(accessToken, asked.plusSeconds(expiresIn).minus(EXPIRY_MARGIN));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
