package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** account-service: applications and the member's own account (API.md "account-service"). */
@Component
public class AccountApi extends ApiClient {

    AccountApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("account", Clients.rest(rest, settings.services().account(), settings), session);
    }

    public record Address(String line1, String postalCode, String city, String country) {}

    /** Body of {@code POST /api/accounts}. */
    public record Application(
            String companyName,
            Address address,
            String contactName,
            String contactEmail,
            String language,
            boolean vatLiable,
            String vatId,
            List<String> evidenceDocumentIds,
            String legacyCpsEmail,
            boolean authorisedToApply) {}

    public record Applied(String accountId, String status) {}

    public record MyAccount(
            String accountId,
            String companyName,
            Address address,
            String contactName,
            String contactEmail,
            String language,
            boolean vatLiable,
            String vatId,
            String status,
            boolean legacyCpsEmailProvided) {}

    public Applied apply(Application application) {
        return sendAnonymous(HttpMethod.POST, "/api/accounts", application, Applied.class);
    }

    public MyAccount me() {
        return get("/api/accounts/me", MyAccount.class);
    }

    public Map<?, ?> applicationStatus(String accountId) {
        return getAnonymous("/api/accounts/applications/{id}", Map.class, accountId);
    }
}
