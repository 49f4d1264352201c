package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** membership-service: tiers, checkout, the membership and its terms (docs/api.md "membership-service"). */
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
            Boolean autoRenew,
            String nextTier,
            String nextTierName,
            String endsOn,
            String suspendedOn) {}

    /** What a tier costs this member: net, VAT by the member's treatment, total. */
    public record Preview(
            String tier,
            String tierName,
            Money net,
            Money vat,
            String vatRate,
            String vatTreatment,
            String vatNote,
            Money total,
            String term) {}

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

    /** OPERATOR: a member's membership, as the member sees it. */
    public Membership membershipOf(String accountId) {
        return get("/api/membership?accountId={id}", Membership.class, accountId);
    }

    public Activated checkout(Checkout checkout) {
        return send(HttpMethod.POST, "/api/membership/checkout", checkout, Activated.class);
    }

    public Preview preview(String tier) {
        return get("/api/membership/checkout/preview?tier={tier}", Preview.class, tier);
    }

    public void nextTier(String tier) {
        send(HttpMethod.PATCH, "/api/membership/subscription", Map.of("nextTier", tier), Void.class);
    }

    /** A new card (a token from the gateway's hosted form), verified by billing with a zero amount. */
    public void changeCard(String cardToken) {
        send(HttpMethod.PUT, "/api/membership/payment-method", Map.of("cardToken", cardToken), Void.class);
    }

    public void autoRenew(boolean on) {
        send(HttpMethod.PATCH, "/api/membership/subscription", Map.of("autoRenew", on), Void.class);
    }

    public Terms terms(String language) {
        return getAnonymous("/api/membership/terms?lang={lang}", Terms.class, language);
    }
}
