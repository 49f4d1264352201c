package com.canon.cps.portal.web;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.NotificationApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.session.SignedIn;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The black bar on every member page (the seed's MY ACCOUNT, MY PRODUCTS, MY SUBSCRIPTIONS, SUPPORT, the bell, the
 * initials, LOGOUT): who is signed in and the bell's unread count. When notification-service is down the bell shows
 * no count rather than failing the page.
 */
@ControllerAdvice
class TopBar {

    private final PortalSession session;
    private final NotificationApi notifications;

    TopBar(PortalSession session, NotificationApi notifications) {
        this.session = session;
        this.notifications = notifications;
    }

    /** What the bar shows; {@code unread} is null when it cannot be known right now. */
    record Bar(String initials, String name, boolean member, boolean operator, boolean admin, Integer unread) {}

    @ModelAttribute("bar")
    Bar bar() {
        SignedIn who = session.current().orElse(null);
        if (who == null) {
            return null;
        }
        Integer unread = null;
        if (!who.isOperator()) {
            try {
                unread = (int) notifications.notifications().stream()
                        .filter(n -> !n.read())
                        .count();
            } catch (ServiceUnavailable | ApiProblem e) {
                unread = null;
            }
        }
        return new Bar(
                who.initials(),
                who.displayName(),
                !who.isOperator(),
                who.isOperator(),
                who.isOperator() && who.roles().contains("ADMIN"),
                unread);
    }
}
