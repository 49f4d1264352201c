package com.canon.cps.portal.notifications;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.NotificationApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell's list, newest first; each entry can be marked as read. */
@Controller
class NotificationsController {

    private final NotificationApi notifications;

    NotificationsController(NotificationApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.notifications());
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable String id) {
        try {
            notifications.markRead(id);
        } catch (ApiProblem notMine) {
            // another member's or an unknown entry: nothing to mark
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.notifications().stream().filter(n -> !n.read()).forEach(n -> notifications.markRead(n.id()));
        return "redirect:/notifications";
    }
}
