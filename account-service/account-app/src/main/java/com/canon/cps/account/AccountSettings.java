package com.canon.cps.account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * account-service settings ({@code cps.account.*}).
 *
 * @param countries countries a business may apply from (ISO codes; {@code EL} = Greece, {@code XI} = Northern Ireland)
 * @param operators operator accounts; passwords as BCrypt hashes ({@code {bcrypt}$2a$...})
 * @param tokenTtl lifetime of an issued access token
 * @param privateKey PEM (PKCS#8) of the RS256 signing key; its public half is {@code cps.jwt.public-key}
 * @param passwordTokenKey server secret (at least 32 characters) the password-setup link tokens are derived with
 *     (HMAC-SHA256); changing it invalidates every outstanding link. When unset, a key is derived from
 *     {@code privateKey} (so a local platform works without one more secret); production sets it explicitly, from the
 *     environment ({@code CPS_ACCOUNT_PASSWORD_TOKEN_KEY})
 * @param passwordTokenTtl how long a password-setup link stays usable, on the business clock
 */
@ConfigurationProperties("cps.account")
public record AccountSettings(
        Set<String> countries,
        @DefaultValue List<Operator> operators,
        @DefaultValue("15m") Duration tokenTtl,
        String privateKey,
        String passwordTokenKey,
        @DefaultValue("72h") Duration passwordTokenTtl) {

    public record Operator(String email, String passwordHash) {}
}
