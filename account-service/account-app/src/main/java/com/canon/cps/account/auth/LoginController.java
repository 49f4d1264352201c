package com.canon.cps.account.auth;

import com.canon.cps.account.AccountSettings;
import com.canon.cps.account.password.MemberCredentials;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login}: operators from configuration (subject {@code operator:<email>}, role OPERATOR), then
 * members with a password (subject = account id, role MEMBER). Every refusal looks the same and costs one hash.
 */
@RestController
class LoginController {

    private final AccountSettings settings;
    private final TokenIssuer tokens;
    private final MemberCredentials members;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    LoginController(AccountSettings settings, TokenIssuer tokens, MemberCredentials members) {
        this.settings = settings;
        this.tokens = tokens;
        this.members = members;
    }

    @PostMapping("/api/auth/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        Optional<AccountSettings.Operator> operator = settings.operators().stream()
                .filter(o -> o.email().equalsIgnoreCase(email))
                .findFirst();
        if (operator.isPresent()) {
            if (!passwords.matches(request.password(), operator.get().passwordHash())) {
                throw refused();
            }
            return tokens.issue("operator:" + email, email, List.of("OPERATOR"));
        }
        String accountId = members.authenticate(email, request.password()).orElseThrow(LoginController::refused);
        return tokens.issue(accountId, email, List.of("MEMBER"));
    }

    private static ApiProblem refused() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong e-mail or password");
    }
}
