package com.canon.cps.portal.privacy;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.config.Languages;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * GDPR erasure (Art. 17), through the same two doors as the data export: the member deletes its own account from MY
 * ACCOUNT (a page that says what is lost, the current password and "cannot be undone" ticked; account-service checks
 * the password as it does for a password change), is logged out and lands on a public page saying what happens next;
 * an ADMIN erases a member from the back office's member page, with a reason for the audit trail. Either way
 * account-service records {@code AccountErased} and every service erases what it holds; this page holds no rule.
 */
@Controller
class ErasureController {

    static final int MAX_REASON = 1000;

    private final AccountApi accounts;
    private final PortalSession session;

    ErasureController(AccountApi accounts, PortalSession session) {
        this.accounts = accounts;
        this.session = session;
    }

    /** The member's confirmation: the current password, and "I understand that this cannot be undone" ticked. */
    record ErasureForm(@NotBlank @Size(max = 200) String password, Boolean understood) {}

    @GetMapping("/account/erasure")
    String confirm(Model model) {
        model.addAttribute("section", "account");
        model.addAttribute("erasure", new ErasureForm("", false));
        return "erasure";
    }

    @PostMapping("/account/erasure")
    String erase(
            @Valid @ModelAttribute("erasure") ErasureForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("section", "account");
        if (!Boolean.TRUE.equals(form.understood())) {
            // with the box's own value (a Boolean): FormErrors.at would record its text, which the page cannot show
            result.rejectValue("understood", "erasure.error.understood.missing");
        }
        if (result.hasErrors()) {
            return "erasure";
        }
        try {
            accounts.eraseMine(form.password());
        } catch (ApiProblem refused) {
            if (refused.hasError("currentPassword")) {
                FormErrors.at(result, "erasure", "password", "wrong");
            } else {
                FormErrors.top(result, "erasure", refused.status());
            }
            return "erasure";
        } catch (ServiceUnavailable down) {
            FormErrors.top(result, "erasure", 503);
            return "erasure";
        }
        Locale language = RequestContextUtils.getLocale(request);
        session.signOut(request); // the account's refresh tokens are gone already; the session ends here
        SecurityContextHolder.clearContext();
        Languages.choose(request, response, language); // the goodbye in the language of the page it came from
        return "redirect:/account/erased";
    }

    /** Public: the member is logged out by now. */
    @GetMapping("/account/erased")
    String erased() {
        return "erased";
    }

    /**
     * ADMIN (account-service refuses everyone else with 403, which the page says as a sentence): erases a member's
     * personal data for a reason kept in the audit trail, once the operator confirmed it cannot be undone.
     */
    @PostMapping("/back-office/members/{accountId}/erasure")
    String eraseMember(
            @PathVariable String accountId,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "understood", defaultValue = "false") boolean understood,
            RedirectAttributes redirect) {
        String why = reason.strip();
        String outcome;
        if (why.isEmpty() || why.length() > MAX_REASON) {
            outcome = "reason";
        } else if (!understood) {
            outcome = "unconfirmed";
        } else {
            outcome = erase(accountId, why);
        }
        redirect.addFlashAttribute("erasure", outcome);
        if (!outcome.equals("202")) {
            redirect.addFlashAttribute("erasureReason", reason);
        }
        return "redirect:/back-office/members/" + accountId + "#erasure";
    }

    /** account-service's answer as the key of the sentence the member page shows. */
    private String erase(String accountId, String reason) {
        try {
            accounts.erase(accountId, reason);
            return "202";
        } catch (ApiProblem refused) {
            return switch (refused.status()) {
                case 400 -> "reason";
                case 403, 404, 409 -> String.valueOf(refused.status());
                default -> "failed";
            };
        } catch (ServiceUnavailable down) {
            return "503";
        }
    }
}
