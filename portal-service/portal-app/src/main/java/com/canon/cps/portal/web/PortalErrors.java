package com.canon.cps.portal.web;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.privacy.DataExport;
import com.canon.cps.portal.session.SessionEnded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a page does when a whole page cannot be served: a service it cannot do without is down (a sentence, status
 * 503, never a stack trace), or the sign-in ended (to the login page). Parts of pages that can do without a service
 * catch {@link ServiceUnavailable} themselves and show the rest.
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    private final TopBar topBar;

    PortalErrors(TopBar topBar) {
        this.topBar = topBar;
    }

    @ExceptionHandler(SessionEnded.class)
    String sessionEnded(SessionEnded e, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?expired";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable e, HttpServletResponse response, Model model) {
        log.warn("Page not served: {}", e.getMessage());
        response.setStatus(503);
        model.addAttribute("bar", topBar.bar()); // an exception handler's view gets no @ModelAttribute: still signed in
        return "unavailable";
    }

    /**
     * A data export (GDPR Art. 15, 20) that could not read every section: no file, a page saying so and to try again
     * later, with the way back (MY ACCOUNT, or the back office's member page).
     */
    @ExceptionHandler(DataExport.ExportUnavailable.class)
    String exportUnavailable(
            DataExport.ExportUnavailable e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("Data export not served: {}", e.getMessage());
        response.setStatus(503);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean backOffice = path.startsWith("/back-office/");
        model.addAttribute("bar", topBar.bar());
        model.addAttribute(backOffice ? "boSection" : "section", backOffice ? "members" : "account");
        model.addAttribute("operator", backOffice);
        model.addAttribute("retry", path);
        model.addAttribute("back", path.substring(0, path.length() - "/data-export".length()));
        model.addAttribute("sections", String.join(", ", e.sections()));
        return "data-export-unavailable";
    }

    /**
     * A service refused the signed-in person (403: an operator without the role, e.g. a REVIEWER on the operator
     * accounts) or found nothing (404): the page says so with that status. Anything else is a fault of the portal.
     */
    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem e, HttpServletResponse response, Model model) {
        if (e.status() != 403 && e.status() != 404) {
            throw e;
        }
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("bar", topBar.bar());
        return "error";
    }
}
