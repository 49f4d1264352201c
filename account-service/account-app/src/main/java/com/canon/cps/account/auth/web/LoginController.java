package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.LoginThrottle;
import com.canon.cps.account.auth.store.OperatorAccounts;
import com.canon.cps.account.auth.store.RefreshTokens;
import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.password.MemberCredentials;
import com.canon.cps.platform.security.ClientAddress;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login}: operators ({@link OperatorAccounts}: subject {@code operator:<email>}, roles OPERATOR
 * and the operator's REVIEWER, BILLING, ADMIN, claims {@code operatorId}, {@code email}, {@code name}; ADR 19), then
 * members with a password (subject = account id, role MEMBER). A disabled operator is refused like a wrong password. Every refusal looks the same and costs one hash;
 * repeated failures are slowed down by {@link LoginThrottle}. A successful login starts a refresh-token family
 * ({@link RefreshTokens}).
 */
@RestController
class LoginController {

    /** Subject of an operator's tokens: this prefix and the operator's e-mail. */
    private final AccountSettings settings;

    private final TokenIssuer tokens;
    private final MemberCredentials members;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final OperatorAccounts operators;
    private final ClientAddress clientAddress;

    LoginController(
            AccountSettings settings,
            TokenIssuer tokens,
            MemberCredentials members,
            LoginThrottle throttle,
            RefreshTokens refreshTokens,
            OperatorAccounts operators,
            ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.settings = settings;
        this.tokens = tokens;
        this.members = members;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.operators = operators;
    }

    /**
     * Too many failures for the e-mail or from the source address: 429 with {@code Retry-After}, before any password
     * is checked. The source is the client's address as the configured entry point reports it ({@link ClientAddress});
     * failures lock the e-mail and source pair and the source, never the e-mail from everywhere.
     */
    @PostMapping("/api/auth/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String source = clientAddress.of(http);
        Optional<Duration> locked = throttle.lockedFor(email, source);
        if (locked.isPresent()) {
            throw new TooManyAttempts(locked.get());
        }
        RefreshTokens.Holder holder;
        try {
            holder = authenticate(email, request.password());
            throttle.succeeded(email, source);
        } catch (ApiProblem refused) {
            throttle.failed(email, source);
            throw refused;
        }
        return tokens.issue(holder, refreshTokens.start(holder, settings.refreshTokenTtl()));
    }

    private RefreshTokens.Holder authenticate(String email, String password) {
        Optional<Optional<OperatorAccounts.Operator>> operator = operators.authenticate(email, password);
        if (operator.isPresent()) {
            return RefreshTokens.Holder.of(operator.get().orElseThrow(LoginController::refused));
        }
        String accountId = members.authenticate(email, password).orElseThrow(LoginController::refused);
        return new RefreshTokens.Holder(accountId, email, List.of("MEMBER"));
    }

    private static ApiProblem refused() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong e-mail or password");
    }
}
