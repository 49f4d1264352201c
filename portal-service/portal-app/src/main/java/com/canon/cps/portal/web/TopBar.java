package com.canon.cps.portal.web;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.NotificationApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.session.SignedIn;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The black bar on every member page (the seed's MY ACCOUNT, MY PRODUCTS, MY SUBSCRIPTIONS, SUPPORT, the bell, the
 * initials, LOGOUT): who is signed in and the bell's unread count. When notification-service is down the bell shows
 * no count rather than failing the page.
 *
 * <p>The count is asked for once per {@code cps.portal.bell-refresh} and session, not on every page (it was one of
 * a signed-in page's few service calls); after the session's own writes, which may have caused a notification (a
 * product's points, a payment), it is asked for on every page again.
 */
@ControllerAdvice
class TopBar {

    private static final int SWEEP_ABOVE = 10_000;

    private final PortalSession session;
    private final NotificationApi notifications;
    private final PortalSettings settings;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    private record Count(int unread, Instant at) {}

    TopBar(PortalSession session, NotificationApi notifications, PortalSettings settings) {
        this.session = session;
        this.notifications = notifications;
        this.settings = settings;
    }

    /** What the bar shows; {@code unread} is null when it cannot be known right now. */
    record Bar(String initials, String name, boolean member, boolean operator, boolean admin, Integer unread) {}

    @ModelAttribute("bar")
    Bar bar() {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return null;
        }
        return new Bar(
                who.initials(),
                who.displayName(),
                !who.isOperator(),
                who.isOperator(),
                who.isOperator() && who.roles().contains("ADMIN"),
                who.isOperator() ? null : unread(session.id()));
    }

    private Integer unread(String sessionId) {
        Instant now = Instant.now();
        Count known = counts.get(sessionId);
        if (known != null && known.at().isAfter(now.minus(settings.bellRefresh())) && !session.wroteLately()) {
            return known.unread();
        }
        try {
            int unread = (int) notifications.notifications().stream()
                    .filter(n -> !n.read())
                    .count();
            if (counts.size() > SWEEP_ABOVE) {
                counts.values().removeIf(c -> c.at().isBefore(now.minus(settings.bellRefresh())));
            }
            counts.put(sessionId, new Count(unread, now));
            return unread;
        } catch (ServiceUnavailable | ApiProblem e) {
            return null;
        }
    }
}
