package com.canon.cps.account.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * account-service settings ({@code cps.account.*}).
 *
 * @param countries countries a business may apply from (ISO codes; {@code EL} = Greece, {@code XI} = Northern Ireland)
 * @param operators the bootstrap operator accounts, each an ADMIN; passwords as BCrypt hashes ({@code {bcrypt}$2a$...});
 *     further operators are created through {@code POST /api/operators}
 * @param tokenTtl lifetime of an issued access token
 * @param privateKey PEM (PKCS#8) of the RS256 signing key; its public half is {@code cps.jwt.public-key}
 * @param passwordTokenKey server secret (at least 32 characters) the password-setup link tokens are derived with
 *     (HMAC-SHA256); changing it invalidates every outstanding link. When unset, a key is derived from
 *     {@code privateKey} (so a local platform works without one more secret); production sets it explicitly, from the
 *     environment ({@code CPS_ACCOUNT_PASSWORD_TOKEN_KEY})
 * @param passwordTokenTtl how long a password-setup link stays usable, on the business clock
 * @param login brute-force protection of {@code POST /api/auth/login}
 * @param refreshTokenTtl how long the refresh tokens of one login work, in real time, counted from the login (a
 *     refresh does not extend it)
 * @param passwordReset forgotten-password links
 * @param contactEmailChange confirmation links for a new contact e-mail
 * @param legacyEmail codes that prove the old CPS e-mail
 */
@ConfigurationProperties("cps.account")
public record AccountSettings(
        Set<String> countries,
        @DefaultValue List<Operator> operators,
        @DefaultValue("15m") Duration tokenTtl,
        String privateKey,
        String passwordTokenKey,
        @DefaultValue("72h") Duration passwordTokenTtl,
        @DefaultValue Login login,
        @DefaultValue("12h") Duration refreshTokenTtl,
        @DefaultValue PasswordReset passwordReset,
        @DefaultValue ContactEmailChange contactEmailChange,
        @DefaultValue LegacyEmail legacyEmail) {

    /**
     * A bootstrap operator: always {@code ADMIN} (ADR 19); {@code name} (optional) names it in tokens and the audit
     * trail.
     */
    public record Operator(String email, String passwordHash, String name) {}

    /**
     * Failed logins are counted per e-mail and source address pair and per source address within {@code window}, on
     * the wall clock (not the business clock); from the {@code maxFailuresPerAccount}-th failure of a pair (or the
     * {@code maxFailuresPerSource}-th of a source) on, further attempts of that pair (or source) are refused with 429
     * for {@code lockout}, doubling with every further failure up to {@code maxLockout}. The owner of the e-mail,
     * logging in from elsewhere, is never locked out by someone else's guesses. The source is the platform's
     * {@code ClientAddress} ({@code cps.http.sources.trusted-proxies}).
     */
    public record Login(
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("20") int maxFailuresPerSource,
            @DefaultValue("15m") Duration window,
            @DefaultValue("30s") Duration lockout,
            @DefaultValue("15m") Duration maxLockout) {}

    /**
     * {@code POST /api/auth/password-reset}: an active account gets a reset link valid for {@code tokenTtl} (business
     * clock), at most one per {@code minInterval}; a request within the interval changes nothing.
     */
    public record PasswordReset(
            @DefaultValue("1h") Duration tokenTtl,
            @DefaultValue("5m") Duration minInterval) {}

    /**
     * {@code PATCH /api/accounts/me} with a new {@code contactEmail}: the confirmation link sent to the new address is
     * valid for {@code tokenTtl} (business clock).
     */
    public record ContactEmailChange(@DefaultValue("24h") Duration tokenTtl) {}

    /**
     * The code sent to the old CPS e-mail: valid for {@code codeTtl} (business clock), {@code maxAttempts} tries;
     * a new one at most every {@code minInterval} and at most {@code maxCodesPerDay} within 24 hours.
     */
    public record LegacyEmail(
            @DefaultValue("24h") Duration codeTtl,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1m") Duration minInterval,
            @DefaultValue("5") int maxCodesPerDay) {}
}
