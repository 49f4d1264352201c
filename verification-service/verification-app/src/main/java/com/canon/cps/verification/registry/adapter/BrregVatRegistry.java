package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import com.canon.cps.verification.registry.VatRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * The Brønnøysund register's open data API (Enhetsregisteret): {@code GET <base>/enheter/{organisasjonsnummer}}. A
 * Norwegian VAT ID ({@code NO} + organisation number + {@code MVA}) is valid when the entity exists, is not deleted
 * ({@code slettedato}) and is registered in the VAT register ({@code "registrertIMvaregisteret": true}). The register
 * gives no consultation number (the evidence is the date of the check).
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>200, {@code registrertIMvaregisteret} true (not deleted)</td><td>valid</td></tr>
 *   <tr><td>200 with the flag false or a {@code slettedato}; 404 (no such entity); 410 (entity removed)</td>
 *       <td>invalid</td></tr>
 *   <tr><td>400 (not an organisation number)</td><td>{@code INVALID_INPUT} (not retried)</td></tr>
 *   <tr><td>429, 5xx, 504</td><td>{@code RATE_LIMITED}, {@code SERVICE_UNAVAILABLE}, {@code TIMEOUT}</td></tr>
 *   <tr><td>a 200 without the flag, anything malformed</td><td>{@code TECHNICAL_ERROR}</td></tr>
 * </table>
 */
public final class BrregVatRegistry implements VatRegistry {

    private final RegistryHttp http;
    private final URI base;
    private final Clock clock;

    /** @param baseUrl e.g. {@code https://data.brreg.no/enhetsregisteret/api} */
    public BrregVatRegistry(RegistryHttp http, URI baseUrl, Clock clock) {
        this.http = http;
        this.base = baseUrl;
        this.clock = clock;
    }

    @Override
    public RegistryAnswer check(String vatId) {
        String organisationNumber = vatId.substring(2).replaceFirst("MVA$", "");
        if (!organisationNumber.matches("[0-9]{9}")) {
            throw new RegistryFaultException(RegistryFault.INVALID_INPUT);
        }
        HttpRequest request = http.request(Endpoints.resolve(base, "enheter/" + organisationNumber))
                .header("Accept", "application/json")
                .GET()
                .build();
        RegistryHttp.Answer answer = http.send(request, "BRREG");
        switch (answer.status()) {
            case 404, 410 -> {
                return new RegistryAnswer.Invalid(Registry.BRREG, vatId, clock.instant());
            }
            case 400 -> throw new RegistryFaultException(RegistryFault.INVALID_INPUT);
            default -> {
                if (!answer.ok()) {
                    throw new RegistryFaultException(answer.statusFault());
                }
            }
        }
        JsonNode entity = RegistryJson.object(answer.body());
        JsonNode vatRegistered = entity.path("registrertIMvaregisteret");
        if (!vatRegistered.isBoolean()
                || !organisationNumber.equals(RegistryJson.text(entity, "organisasjonsnummer"))) {
            throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        }
        boolean deleted = RegistryJson.text(entity, "slettedato") != null;
        if (vatRegistered.booleanValue() && !deleted) {
            return new RegistryAnswer.Valid(Registry.BRREG, vatId, null, clock.instant());
        }
        return new RegistryAnswer.Invalid(Registry.BRREG, vatId, clock.instant());
    }
}
