package com.canon.cps.portal.account;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link sent to a new contact e-mail ({@code /confirm-email?token=}): opening it changes nothing (mail scanners
 * open links), the button does. It works without signing in: the link may be opened in another browser.
 */
@Controller
class EmailConfirmationController {

    private final AccountApi accounts;

    EmailConfirmationController(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/confirm-email")
    String page(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", token.isBlank() ? "invalid" : "ask");
        return "confirm-email";
    }

    @PostMapping("/confirm-email")
    String confirm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        try {
            accounts.confirmEmail(token);
            model.addAttribute("state", "done");
        } catch (ApiProblem refused) {
            model.addAttribute("state", refused.status() == 409 ? "taken" : "invalid");
        } catch (ServiceUnavailable down) {
            model.addAttribute("state", "unavailable");
        }
        return "confirm-email";
    }
}
