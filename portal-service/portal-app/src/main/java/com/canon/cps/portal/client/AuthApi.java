package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * account-service without a member's token: log in, refresh, log out, and the password links (docs/api.md
 * "Authentication", "Self-service").
 */
@Component
public class AuthApi {

    private final Anonymous account;

    AuthApi(RestClient.Builder rest, PortalSettings settings) {
        this.account = new Anonymous(rest, settings);
    }

    /** Access and refresh token as account-service issues them. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {}

    public Tokens login(String email, String password) {
        return account.sendAnonymous(
                HttpMethod.POST, "/api/auth/login", Map.of("email", email, "password", password), Tokens.class);
    }

    public Tokens refresh(String refreshToken) {
        return account.sendAnonymous(
                HttpMethod.POST, "/api/auth/refresh", Map.of("refreshToken", refreshToken), Tokens.class);
    }

    public void logout(String refreshToken) {
        account.sendAnonymous(HttpMethod.POST, "/api/auth/logout", Map.of("refreshToken", refreshToken), Void.class);
    }

    public void requestPasswordReset(String email) {
        account.sendAnonymous(HttpMethod.POST, "/api/auth/password-reset", Map.of("email", email), Void.class);
    }

    public void setPassword(String token, String password) {
        account.sendAnonymous(
                HttpMethod.POST, "/api/accounts/password", Map.of("token", token, "password", password), Void.class);
    }

    /** The anonymous half of {@link ApiClient}: no session is needed (and none exists yet at login). */
    private static final class Anonymous extends ApiClient {
        Anonymous(RestClient.Builder rest, PortalSettings settings) {
            super("account", Clients.rest(rest, settings.services().account(), settings), null);
        }
    }
}
