package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** membership-service: tiers, checkout, the membership and its terms (API.md "membership-service"). */
@Component
public class MembershipApi extends ApiClient {

    MembershipApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("membership", Clients.rest(rest, settings.services().membership(), settings), session);
    }

    public record Tiers(int points, boolean invited, boolean businessTiersAvailable, String view, List<Tier> tiers) {}

    public record Tier(
            String code,
            String name,
            int minPoints,
            boolean available,
            Money price,
            boolean vatExcluded,
            String term) {}

    public record Membership(
            String status,
            String tier,
            String tierName,
            String membershipNumber,
            String startsOn,
            String expiresOn,
            String expiresDisplay,
            Boolean autoRenew) {}

    public record Checkout(
            String tier,
            boolean autoRenew,
            String purchaseOrderNumber,
            boolean termsAccepted,
            String termsVersion,
            String paymentMethod,
            String cardToken) {}

    public record Activated(
            String membershipNumber,
            String tier,
            String status,
            String startsOn,
            String expiresOn,
            boolean autoRenew) {}

    public record Terms(String version, String publishedOn, String text, String language) {}

    public Tiers tiers(String view) {
        return view == null
                ? get("/api/membership/tiers", Tiers.class)
                : get("/api/membership/tiers?view={view}", Tiers.class, view);
    }

    public Membership membership() {
        return get("/api/membership", Membership.class);
    }

    public Activated checkout(Checkout checkout) {
        return send(HttpMethod.POST, "/api/membership/checkout", checkout, Activated.class);
    }

    public void autoRenew(boolean on) {
        send(HttpMethod.PATCH, "/api/membership/subscription", Map.of("autoRenew", on), Void.class);
    }

    public Terms terms(String language) {
        return getAnonymous("/api/membership/terms?lang={lang}", Terms.class, language);
    }
}
