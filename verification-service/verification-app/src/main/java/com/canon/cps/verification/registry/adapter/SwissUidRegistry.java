package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.Registry;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import com.canon.cps.verification.registry.VatRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * The Swiss UID register's public web service (SOAP 1.1, {@code PublicServices.svc}), operation
 * {@code ValidateVatNumber}: is this UID registered for VAT, and active? It answers {@code true} or {@code false} and
 * gives no consultation number (the evidence is the date of the check). {@code GetByUID} would add the name and
 * address; we do not need them, and each call counts against the public limit of 20 requests a minute.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>{@code ValidateVatNumberResult} true / false</td><td>valid / invalid</td></tr>
 *   <tr><td>fault {@code Request_limit_exceeded}</td><td>{@code RATE_LIMITED}</td></tr>
 *   <tr><td>fault {@code Data_validation_failed}</td><td>{@code INVALID_INPUT} (not retried)</td></tr>
 *   <tr><td>{@code infrastructureFault}, HTTP 5xx without a fault</td><td>{@code SERVICE_UNAVAILABLE}</td></tr>
 *   <tr><td>any other fault ({@code securityFault}, ...), anything malformed</td><td>{@code TECHNICAL_ERROR}</td></tr>
 * </table>
 */
public final class SwissUidRegistry implements VatRegistry {

    static final String NAMESPACE = "http://www.uid.admin.ch/xmlns/uid-wse";
    static final String SOAP_ACTION = NAMESPACE + "/IPublicServices/ValidateVatNumber";

    private final RegistryHttp http;
    private final URI endpoint;
    private final Clock clock;

    /** @param endpoint e.g. {@code https://www.uid-wse.admin.ch/V5.0/PublicServices.svc} */
    public SwissUidRegistry(RegistryHttp http, URI endpoint, Clock clock) {
        this.http = http;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public RegistryAnswer check(String vatId) {
        String digits = vatId.substring(3);
        if (!vatId.startsWith("CHE") || !digits.matches("[0-9]{9}")) {
            throw new RegistryFaultException(RegistryFault.INVALID_INPUT);
        }
        String uid = "CHE-" + digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
        String envelope = """
                <?xml version="1.0" encoding="utf-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uid="%s">
                  <soapenv:Header/>
                  <soapenv:Body>
                    <uid:ValidateVatNumber>
                      <uid:vatNumber>%s</uid:vatNumber>
                    </uid:ValidateVatNumber>
                  </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(NAMESPACE, uid);
        HttpRequest request = http.request(endpoint)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + SOAP_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        RegistryHttp.Answer answer = http.send(request, "UID");
        Optional<Document> xml = SoapXml.parse(answer.body());
        if (xml.isPresent()) {
            Optional<String> fault = SoapXml.faultCode(xml.get());
            if (fault.isPresent()) {
                throw new RegistryFaultException(fault(fault.get(), SoapXml.isInfrastructureFault(xml.get())));
            }
        }
        if (!answer.ok()) {
            throw new RegistryFaultException(answer.statusFault());
        }
        String result = xml.flatMap(d -> SoapXml.text(d, "*", "ValidateVatNumberResult"))
                .map(String::strip)
                .orElseThrow(() -> new RegistryFaultException(RegistryFault.TECHNICAL_ERROR));
        return switch (result) {
            case "true" -> new RegistryAnswer.Valid(Registry.UID, vatId, null, clock.instant());
            case "false" -> new RegistryAnswer.Invalid(Registry.UID, vatId, clock.instant());
            default -> throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        };
    }

    private static RegistryFault fault(String code, boolean infrastructure) {
        if (infrastructure) {
            return RegistryFault.SERVICE_UNAVAILABLE;
        }
        return switch (code) {
            case "Request_limit_exceeded" -> RegistryFault.RATE_LIMITED;
            case "Data_validation_failed" -> RegistryFault.INVALID_INPUT;
            default -> RegistryFault.TECHNICAL_ERROR;
        };
    }
}
