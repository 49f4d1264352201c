package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** notification-service: the bell (docs/api.md "notification-service"). */
@Component
public class NotificationApi extends ApiClient {

    public NotificationApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("notification", Clients.rest(rest, settings.services().notification(), settings), session);
    }

    public record Notification(String id, String type, String title, String createdAt, boolean read) {}

    public List<Notification> notifications() {
        return get("/api/notifications", new ParameterizedTypeReference<List<Notification>>() {});
    }

    /** OPERATOR: what was sent to a member (e-mail and bell), newest first; nothing is marked read. */
    public List<Notification> notificationsOf(String accountId) {
        return get(
                "/api/notifications?accountId={id}",
                new ParameterizedTypeReference<List<Notification>>() {},
                accountId);
    }

    public void markRead(String id) {
        send(HttpMethod.POST, "/api/notifications/{id}/read", null, Void.class, id);
    }
}
