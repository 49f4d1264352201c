package com.canon.cps.portal.account;

import com.canon.cps.portal.client.AccountApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** MY ACCOUNT: the Business Account as account-service holds it. */
@Controller
class AccountController {

    private final AccountApi accounts;

    AccountController(AccountApi accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("section")
    String section() {
        return "account";
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("account", accounts.me());
        return "account";
    }
}
