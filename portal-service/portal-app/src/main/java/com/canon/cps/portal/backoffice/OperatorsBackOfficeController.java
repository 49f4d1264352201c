package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operator accounts, for ADMINs (account-service refuses everyone else with 403, which the portal shows as such):
 * the list, a new operator with its roles (its initial password is shown once, here), and disabling one.
 */
@Controller
class OperatorsBackOfficeController {

    static final List<String> ROLES = List.of("REVIEWER", "BILLING", "ADMIN");

    private final AccountApi accounts;

    OperatorsBackOfficeController(AccountApi accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("boSection")
    String section() {
        return "operators";
    }

    @GetMapping("/back-office/operators")
    String operators(Model model) {
        model.addAttribute("operators", accounts.operators());
        model.addAttribute("roles", ROLES);
        return "backoffice/operators";
    }

    @PostMapping("/back-office/operators")
    String create(
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "roles", required = false) List<String> roles,
            Model model) {
        List<String> chosen = roles == null
                ? List.of()
                : roles.stream().filter(ROLES::contains).toList();
        model.addAttribute("email", email.strip());
        model.addAttribute("name", name.strip());
        model.addAttribute("chosen", Set.copyOf(chosen));
        if (email.isBlank() || name.isBlank() || chosen.isEmpty()) {
            model.addAttribute("createInvalid", true);
            return operators(model);
        }
        try {
            model.addAttribute("created", accounts.createOperator(email.strip(), name.strip(), chosen));
            model.addAttribute("email", "");
            model.addAttribute("name", "");
            model.addAttribute("chosen", Set.of());
        } catch (ApiProblem refused) {
            model.addAttribute("createRefused", refused.status() == 409 ? 409 : 400);
        }
        return operators(model);
    }

    @PostMapping("/back-office/operators/{operatorId}/disable")
    String disable(@PathVariable String operatorId, RedirectAttributes redirect) {
        try {
            accounts.disableOperator(operatorId);
            redirect.addFlashAttribute("disabled", true);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("disableRefused", true);
        }
        return "redirect:/back-office/operators";
    }
}
