package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import com.canon.cps.verification.registry.VatRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * VIES over its REST interface: {@code POST <base>/check-vat-number} with {@code countryCode} and {@code vatNumber},
 * and our own VAT ID as {@code requesterMemberStateCode}/{@code requesterNumber} so that a valid answer carries a
 * consultation number ({@code requestIdentifier}), kept as evidence with VIES's {@code requestDate}.
 *
 * <p>VIES reports its faults as {@code {"actionSucceed": false, "errorWrappers": [{"error": "MS_UNAVAILABLE"}]}} (with
 * HTTP 400 or 500, sometimes 200), and some of its front ends as a {@code userError} next to {@code valid}. Each of
 * those codes is the {@link RegistryFault} of the same name (an unknown one a {@code TECHNICAL_ERROR}), i.e. the VAT
 * ID's status stays unknown: only {@code "valid": false} without a fault is an invalid VAT ID.
 */
public final class ViesRestRegistry implements VatRegistry {

    private static final Logger log = LoggerFactory.getLogger(ViesRestRegistry.class);

    private final RegistryHttp http;
    private final URI checkVatNumber;
    private final String requesterCountry;
    private final String requesterNumber;
    private final Clock clock;

    /**
     * @param baseUrl e.g. {@code https://ec.europa.eu/taxation_customs/vies/rest-api}
     * @param requesterVatId our own VAT ID with its prefix (e.g. {@code NL004495445B01}); {@code null} for checks
     *     without a consultation number
     */
    public ViesRestRegistry(RegistryHttp http, URI baseUrl, String requesterVatId, Clock clock) {
        this.http = http;
        this.checkVatNumber = Endpoints.resolve(baseUrl, "check-vat-number");
        String requester = requesterVatId == null
                ? ""
                : requesterVatId.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
        if (requester.isEmpty()) {
            log.warn("VIES checks are made without a requester VAT ID: valid answers carry no consultation number");
            this.requesterCountry = null;
            this.requesterNumber = null;
        } else if (requester.length() < 3) {
            throw new IllegalArgumentException("not a VAT ID for the VIES requester: " + requesterVatId);
        } else {
            this.requesterCountry = requester.substring(0, 2);
            this.requesterNumber = requester.substring(2);
        }
        this.clock = clock;
    }

    @Override
    public RegistryAnswer check(String vatId) {
        ObjectNode body = RegistryJson.JSON.createObjectNode();
        body.put("countryCode", vatId.substring(0, 2));
        body.put("vatNumber", vatId.substring(2));
        if (requesterCountry != null) {
            body.put("requesterMemberStateCode", requesterCountry);
            body.put("requesterNumber", requesterNumber);
        }
        HttpRequest request = http.request(checkVatNumber)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RegistryJson.JSON.writeValueAsString(body)))
                .build();
        RegistryHttp.Answer answer = http.send(request, "VIES");
        JsonNode json = answer.ok() ? RegistryJson.object(answer.body()) : RegistryJson.objectOrEmpty(answer.body());
        RegistryFault fault = fault(json);
        if (fault != null) {
            throw new RegistryFaultException(fault);
        }
        if (!answer.ok()) {
            throw new RegistryFaultException(answer.statusFault());
        }
        JsonNode valid = json.path("valid");
        if (!valid.isBoolean()) {
            throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        }
        Instant checkedAt = RegistryJson.timestamp(RegistryJson.text(json, "requestDate"), clock.instant());
        if (!valid.booleanValue()) {
            return new RegistryAnswer.Invalid(Registry.VIES, vatId, checkedAt);
        }
        return new RegistryAnswer.Valid(Registry.VIES, vatId, RegistryJson.text(json, "requestIdentifier"), checkedAt);
    }

    /** The fault VIES reported, or {@code null} when it reported none. */
    private static RegistryFault fault(JsonNode json) {
        JsonNode wrappers = json.path("errorWrappers");
        if (wrappers.isArray() && !wrappers.isEmpty()) {
            return RegistryFaults.named(RegistryJson.text(wrappers.path(0), "error"));
        }
        if (json.path("actionSucceed").isBoolean()
                && !json.path("actionSucceed").booleanValue()) {
            return RegistryFault.TECHNICAL_ERROR;
        }
        String userError = RegistryJson.text(json, "userError");
        if (userError != null && !userError.equals("VALID") && !userError.equals("INVALID")) {
            return RegistryFaults.named(userError);
        }
        return null;
    }
}
