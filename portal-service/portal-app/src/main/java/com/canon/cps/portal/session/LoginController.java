package com.canon.cps.portal.session;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.AuthApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.config.Languages;
import com.canon.cps.portal.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /login}: e-mail and password are checked by account-service; its tokens go into the server-side session,
 * never to the browser. Members land on MY PRODUCTS (or the page they asked for), operators in the back office.
 */
@Controller
class LoginController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuthApi auth;
    private final AccountApi accounts;
    private final PortalSession session;
    private final SecurityContextRepository contexts;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    LoginController(AuthApi auth, AccountApi accounts, PortalSession session, SecurityContextRepository contexts) {
        this.auth = auth;
        this.accounts = accounts;
        this.session = session;
        this.contexts = contexts;
    }

    record LoginForm(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String password) {}

    @GetMapping("/login")
    String page(Model model) {
        model.addAttribute("form", new LoginForm("", ""));
        return "login";
    }

    @PostMapping("/login")
    String login(
            @Valid @ModelAttribute("form") LoginForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (result.hasErrors()) {
            return "login";
        }
        AuthApi.Tokens tokens;
        try {
            tokens = auth.login(form.email().trim(), form.password());
        } catch (ApiProblem refused) {
            FormErrors.top(result, "login", refused.status() == 429 ? 429 : 401);
            return "login";
        } catch (ServiceUnavailable down) {
            FormErrors.top(result, "login", 503);
            return "login";
        }
        SavedRequest wanted = savedRequests.getRequest(request, response);
        Claims claims = Claims.of(tokens.accessToken());
        SignedIn who = new SignedIn(
                claims.subject(),
                claims.email(),
                claims.roles(),
                tokens.accessToken(),
                Instant.now().plusSeconds(tokens.expiresIn()),
                tokens.refreshToken());
        who.displayName(claims.name()); // an operator's token names the operator; a member's name comes below
        session.signIn(request, who);
        authenticate(who, request, response);
        if (who.isOperator()) {
            return "redirect:/back-office";
        }
        try {
            AccountApi.MyAccount me = accounts.me();
            who.displayName(me.contactName());
            session.save(who);
            Languages.choose(request, response, Languages.of(me.language()));
        } catch (ServiceUnavailable | ApiProblem e) {
            // the name and language are niceties: the member is signed in either way
        }
        return "redirect:" + (wanted != null ? localPath(wanted.getRedirectUrl()) : "/products");
    }

    private void authenticate(SignedIn who, HttpServletRequest request, HttpServletResponse response) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        who.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who.subject(), null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Only a path of this site is followed after login (no open redirect). */
    private static String localPath(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") ? "/products" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The claims of account-service's own token, read (not verified: it came straight from account-service). */
    record Claims(String subject, String email, List<String> roles, String name) {
        static Claims of(String jwt) {
            String[] parts = jwt.split("\\.");
            JsonNode payload =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            List<String> roles = new ArrayList<>();
            payload.path("roles").forEach(r -> roles.add(r.asString()));
            return new Claims(
                    payload.path("sub").asString(),
                    payload.path("email").asString(),
                    roles,
                    payload.path("name").asString());
        }
    }
}
