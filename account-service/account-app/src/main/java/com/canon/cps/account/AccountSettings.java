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
 */
@ConfigurationProperties("cps.account")
public record AccountSettings(
        Set<String> countries,
        @DefaultValue List<Operator> operators,
        @DefaultValue("15m") Duration tokenTtl,
        String privateKey) {

    public record Operator(String email, String passwordHash) {}
}
