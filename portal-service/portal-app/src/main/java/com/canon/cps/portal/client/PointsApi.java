package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** points-service: the balance (docs/api.md "points-service"). */
@Component
public class PointsApi extends ApiClient {

    PointsApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("points", Clients.rest(rest, settings.services().points(), settings), session);
    }

    public record Points(int balance, boolean invited, List<ProductPoints> products) {}

    public record ProductPoints(String productId, String modelCode, int points, boolean counted) {}

    /** One change of the balance and why. */
    public record Change(String at, int change, int balance, String reason, String registrationId, String modelCode) {}

    public List<Change> history() {
        return get("/api/points/history", new org.springframework.core.ParameterizedTypeReference<List<Change>>() {});
    }

    public Points points() {
        return get("/api/points", Points.class);
    }

    /** OPERATOR: a member's balance, as the member sees it. */
    public Points pointsOf(String accountId) {
        return get("/api/points?accountId={id}", Points.class, accountId);
    }

    /** OPERATOR: a member's points history, newest first. */
    public List<Change> historyOf(String accountId) {
        return get(
                "/api/points/history?accountId={id}",
                new org.springframework.core.ParameterizedTypeReference<List<Change>>() {},
                accountId);
    }
}
