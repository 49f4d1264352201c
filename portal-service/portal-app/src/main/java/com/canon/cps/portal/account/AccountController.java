package com.canon.cps.portal.account;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.config.Languages;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * MY ACCOUNT: the Business Account as account-service holds it, and what a member changes after day one: contact
 * name, language and address at once; a new contact e-mail once its link (sent to the new address) is used; company
 * name and VAT ID through verification; the password (this session stays, every other ends); the old CPS e-mail,
 * proven with the code sent to it before any migration. Each form posts on its own and comes back here.
 */
@Controller
class AccountController {

    private static final Pattern TRIES_LEFT = Pattern.compile("\\((\\d+) tr(?:y|ies) left\\)");

    private static final Map<String, String> ADDRESS_FIELDS =
            Map.of("address.line1", "line1", "address.postalCode", "postalCode", "address.city", "city");

    private final AccountApi accounts;
    private final PortalSession session;

    AccountController(AccountApi accounts, PortalSession session) {
        this.accounts = accounts;
        this.session = session;
    }

    @ModelAttribute("section")
    String section() {
        return "account";
    }

    record DetailsForm(
            @NotBlank @Size(max = 200) String contactName,
            @NotBlank String language,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city) {}

    record EmailForm(@NotBlank @Email @Size(max = 320) String newEmail) {}

    record CompanyForm(
            @Size(max = 200) String companyName,
            @Size(max = 32) String vatId) {}

    record PasswordChangeForm(
            @NotBlank String currentPassword,
            @NotBlank String newPassword,
            @NotBlank String repeatPassword) {}

    record LegacyEmailForm(@NotBlank @Email @Size(max = 320) String legacyCpsEmail) {}

    record LegacyCodeForm(@NotBlank @Size(max = 12) String code) {}

    @GetMapping("/account")
    String account(Model model) {
        AccountApi.MyAccount me = accounts.me();
        model.addAttribute("account", me);
        if (!model.containsAttribute("details")) {
            model.addAttribute(
                    "details",
                    new DetailsForm(
                            me.contactName(),
                            me.language(),
                            me.address().line1(),
                            me.address().postalCode(),
                            me.address().city()));
        }
        for (Map.Entry<String, Object> empty : Map.<String, Object>of(
                        "email", new EmailForm(""),
                        "company", new CompanyForm("", ""),
                        "password", new PasswordChangeForm("", "", ""),
                        "legacy", new LegacyEmailForm(""),
                        "legacyCode", new LegacyCodeForm(""))
                .entrySet()) {
            if (!model.containsAttribute(empty.getKey())) {
                model.addAttribute(empty.getKey(), empty.getValue());
            }
        }
        return "account";
    }

    @PostMapping("/account/details")
    String details(
            @Valid @ModelAttribute("details") DetailsForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            AccountApi.MyAccount me = accounts.me();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("contactName", form.contactName().trim());
            changes.put("language", form.language());
            changes.put(
                    "address",
                    Map.of(
                            "line1", form.line1().trim(),
                            "postalCode", form.postalCode().trim(),
                            "city", form.city().trim(),
                            "country", me.address().country()));
            try {
                accounts.update(changes);
                session.current().ifPresent(who -> {
                    who.displayName(form.contactName());
                    session.save(who);
                });
                Languages.choose(request, response, Languages.of(form.language()));
                redirect.addFlashAttribute("saved", "details");
                return "redirect:/account";
            } catch (ApiProblem problem) {
                FormErrors.reject(result, "account", problem, ADDRESS_FIELDS);
            }
        }
        return account(model);
    }

    @PostMapping("/account/email")
    String email(
            @Valid @ModelAttribute("email") EmailForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                AccountApi.Updated updated =
                        accounts.update(Map.of("contactEmail", form.newEmail().trim()));
                redirect.addFlashAttribute(
                        "emailSent", updated.pendingContactEmail() == null ? "" : updated.pendingContactEmail());
                return "redirect:/account";
            } catch (ApiProblem problem) {
                if (problem.status() == 409) {
                    FormErrors.at(result, "account", "newEmail", "taken");
                } else {
                    FormErrors.reject(result, "account", problem, Map.of("contactEmail", "newEmail"));
                }
            }
        }
        return account(model);
    }

    @PostMapping("/account/company")
    String company(
            @Valid @ModelAttribute("company") CompanyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        String name = blankToNull(form.companyName());
        String vatId = blankToNull(form.vatId());
        if (name == null && vatId == null) {
            FormErrors.at(result, "account", "companyName", "missing");
        }
        if (!result.hasErrors()) {
            try {
                accounts.requestCompanyChange(name, vatId);
                redirect.addFlashAttribute("saved", "company");
                return "redirect:/account";
            } catch (ApiProblem problem) {
                if (problem.status() == 409) {
                    FormErrors.top(result, "account.company", 409);
                } else {
                    FormErrors.reject(result, "account", problem, Map.of());
                }
            }
        }
        return account(model);
    }

    @PostMapping("/account/password")
    String password(
            @Valid @ModelAttribute("password") PasswordChangeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword")
                && !result.hasFieldErrors("repeatPassword")
                && !form.newPassword().equals(form.repeatPassword())) {
            FormErrors.at(result, "password", "repeatPassword", "different");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changePassword(form.currentPassword(), form.newPassword(), session.refreshToken());
                redirect.addFlashAttribute("saved", "password");
                return "redirect:/account";
            } catch (ApiProblem problem) {
                if (problem.hasError("currentPassword")) {
                    FormErrors.at(result, "account", "currentPassword", "wrong");
                } else if (problem.hasError("newPassword")) {
                    FormErrors.at(result, "password", "newPassword", "weak");
                } else {
                    FormErrors.top(result, "account.password", problem.status());
                }
            }
        }
        return account(model);
    }

    @PostMapping("/account/legacy-email")
    String legacyEmail(
            @Valid @ModelAttribute("legacy") LegacyEmailForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.addLegacyEmail(form.legacyCpsEmail().trim());
                redirect.addFlashAttribute("saved", "legacyCodeSent");
                return "redirect:/account#legacy";
            } catch (ApiProblem problem) {
                FormErrors.at(result, "account", "legacyCpsEmail", problem.status() == 429 ? "tooOften" : "invalid");
            }
        }
        return account(model);
    }

    @PostMapping("/account/legacy-email/code")
    String resendCode(RedirectAttributes redirect) {
        try {
            accounts.sendLegacyCode();
            redirect.addFlashAttribute("saved", "legacyCodeSent");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("codeRefused", problem.status() == 429 ? "tooOften" : "notPossible");
        }
        return "redirect:/account#legacy";
    }

    @PostMapping("/account/legacy-email/confirmation")
    String confirmCode(
            @Valid @ModelAttribute("legacyCode") LegacyCodeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.confirmLegacyEmail(form.code());
                redirect.addFlashAttribute("saved", "legacyConfirmed");
                return "redirect:/account#legacy";
            } catch (ApiProblem problem) {
                rejectCode(result, problem);
            }
        }
        return account(model);
    }

    /**
     * account-service says why a code failed ({@code is wrong (3 tries left)}, {@code ... request a new code}, {@code
     * ... use that one}); the page says the same in the member's language.
     */
    private static void rejectCode(BindingResult result, ApiProblem problem) {
        if (problem.status() == 409) {
            FormErrors.at(result, "account", "code", "done");
            return;
        }
        String reason = problem.errors().stream()
                .filter(error -> error.field().equals("code"))
                .map(ApiProblem.FieldError::message)
                .findFirst()
                .orElse("");
        Matcher triesLeft = TRIES_LEFT.matcher(reason);
        if (triesLeft.find()) {
            FormErrors.at(result, "account", "code", "wrong", Integer.parseInt(triesLeft.group(1)));
        } else if (reason.contains("request a new code") || reason.contains("request one")) {
            FormErrors.at(result, "account", "code", "spent");
        } else if (reason.contains("use that one")) {
            FormErrors.at(result, "account", "code", "replaced");
        } else {
            FormErrors.at(result, "account", "code", "format");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
