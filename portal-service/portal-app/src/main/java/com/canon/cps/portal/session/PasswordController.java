package com.canon.cps.portal.session;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.AuthApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The e-mail links: {@code /set-password?token=} (after approval) and {@code /reset-password?token=} (forgotten
 * password), both redeemed at account-service; a used or expired link says so and what to do. And
 * {@code /forgot-password}, which never says whether an address has an account. The token is in the address bar only
 * as long as the page is open; the page sends no referrer.
 */
@Controller
class PasswordController {

    private final AuthApi auth;

    PasswordController(AuthApi auth) {
        this.auth = auth;
    }

    record PasswordForm(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 200) String newPassword,
            @NotBlank @Size(max = 200) String repeatPassword) {}

    record ForgotForm(@NotBlank @Email @Size(max = 320) String email) {}

    @ModelAttribute("reset")
    boolean reset(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/reset-password");
    }

    @GetMapping({"/set-password", "/reset-password"})
    String form(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("form", new PasswordForm(token, "", ""));
        model.addAttribute("linkProblem", token.isBlank());
        return "password";
    }

    @PostMapping({"/set-password", "/reset-password"})
    String set(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model) {
        model.addAttribute("linkProblem", false);
        if (!result.hasFieldErrors("newPassword")
                && !result.hasFieldErrors("repeatPassword")
                && !form.newPassword().equals(form.repeatPassword())) {
            FormErrors.at(result, "password", "repeatPassword", "different");
        }
        if (result.hasFieldErrors("token")) {
            model.addAttribute("linkProblem", true);
            return "password";
        }
        if (result.hasErrors()) {
            return "password";
        }
        try {
            auth.setPassword(form.token(), form.newPassword());
            return "redirect:/login?passwordSet";
        } catch (ApiProblem refused) {
            if (refused.hasError("token")) {
                model.addAttribute("linkProblem", true);
            } else if (refused.hasError("password")) {
                FormErrors.at(result, "password", "newPassword", "weak");
            } else {
                FormErrors.top(result, "password", refused.status());
            }
            return "password";
        } catch (ServiceUnavailable down) {
            FormErrors.top(result, "password", 503);
            return "password";
        }
    }

    @GetMapping("/forgot-password")
    String forgot(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestReset(@Valid @ModelAttribute("form") ForgotForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return "forgot-password";
        }
        try {
            auth.requestPasswordReset(form.email().trim());
        } catch (ApiProblem refused) {
            FormErrors.top(result, "forgot", refused.status());
            return "forgot-password";
        } catch (ServiceUnavailable down) {
            FormErrors.top(result, "forgot", 503);
            return "forgot-password";
        }
        model.addAttribute("sent", true);
        return "forgot-password";
    }
}
