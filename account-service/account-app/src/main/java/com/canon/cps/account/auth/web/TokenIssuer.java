package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.RefreshTokens;
import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.security.JwtKeys;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.security.Pem;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues short-lived RS256 access tokens for the platform's audience, their header naming the signing key by its
 * {@code kid} (its RFC 7638 thumbprint, {@link JwtKeys}); every service checks them with the public keys it is
 * configured with, and {@code /.well-known/jwks.json} publishes them.
 */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final String keyId;
    private final AccountSettings settings;
    private final PlatformProperties platform;
    private final Clock clock;

    TokenIssuer(AccountSettings settings, PlatformProperties platform, Clock clock) {
        if (settings.privateKey() == null || settings.privateKey().isBlank()) {
            throw new IllegalStateException("cps.account.private-key (env CPS_ACCOUNT_PRIVATE_KEY) is not set");
        }
        RSAPrivateKey signing = Pem.privateKey(settings.privateKey());
        RSAPublicKey verifying = Pem.publicKeyOf(signing);
        this.keyId = JwtKeys.keyId(verifying);
        if (Pem.publicKeys(platform.jwt().publicKey()).stream()
                .map(JwtKeys::keyId)
                .noneMatch(keyId::equals)) {
            throw new IllegalStateException("cps.account.private-key signs with a key that cps.jwt.public-key does not"
                    + " list: no service would accept its tokens (during a rotation list both public keys first)");
        }
        this.encoder = NimbusJwtEncoder.withKeyPair(verifying, signing).build();
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
    }

    /** An access token for {@code holder}, answered together with the holder's current refresh token. */
    TokenResponse issue(RefreshTokens.Holder holder, RefreshTokens.Issued refresh) {
        return new TokenResponse(
                accessToken(holder), "Bearer", settings.tokenTtl().toSeconds(), refresh.token(), refresh.expiresIn());
    }

    private String accessToken(RefreshTokens.Holder holder) {
        // token lifetimes use real time, not the business clock (which local mode can move forward)
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(platform.jwt().issuer())
                .audience(List.of(platform.jwt().audience()))
                .subject(holder.subject())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .claim("email", holder.email())
                .claim("roles", holder.roles());
        if (holder.operatorId() != null) {
            // who acts, for every service's audit trail (OperatorIdentity, ADR 19)
            claims.claim(OperatorIdentity.OPERATOR_ID_CLAIM, holder.operatorId())
                    .claim(OperatorIdentity.NAME_CLAIM, holder.name());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
