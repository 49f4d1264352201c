package com.canon.cps.account.auth;

import com.canon.cps.account.AccountSettings;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/login}: operators from configuration (members follow with password setup). */
@RestController
class LoginController {

    private final AccountSettings settings;
    private final TokenIssuer tokens;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when the e-mail is unknown, so both cases cost one hash. */
    private final String dummyHash = passwords.encode("no-such-account");

    LoginController(AccountSettings settings, TokenIssuer tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        AccountSettings.Operator operator = settings.operators().stream()
                .filter(o -> o.email().equalsIgnoreCase(email))
                .findFirst()
                .orElse(null);
        String hash = operator == null ? dummyHash : operator.passwordHash();
        if (!passwords.matches(request.password(), hash) || operator == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong e-mail or password");
        }
        return tokens.issue("operator:" + email, email, List.of("OPERATOR"));
    }
}
