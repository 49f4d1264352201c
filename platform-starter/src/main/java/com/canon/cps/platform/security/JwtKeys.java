package com.canon.cps.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The platform's token keys by key id (issue 16, finding 8): a key's {@code kid} is its RFC 7638 thumbprint, so issuer
 * and services agree on it without configuring it. account-service names its signing key in every token's header and
 * publishes the public keys as a JWK set; a service accepts a token only when its {@code kid} names one of the keys it
 * is configured with, its {@code aud} holds the platform's audience and its {@code iss} is account-service. With two
 * keys configured (a rotation's overlap) tokens of either are accepted.
 */
public final class JwtKeys {

    private JwtKeys() {}

    /** The key id of {@code key}: its RFC 7638 JWK thumbprint (SHA-256, Base64URL). */
    public static String keyId(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public keys as a JWK set ({@code kty, n, e, kid, use: sig, alg: RS256}), as served at {@code /.well-known/jwks.json}. */
    public static JWKSet jwkSet(List<RSAPublicKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        for (RSAPublicKey key : keys) {
            jwks.add(new RSAKey.Builder(key)
                    .keyID(keyId(key))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build());
        }
        return new JWKSet(jwks);
    }

    /** A decoder that accepts RS256 tokens signed by one of {@code keys}, named by their {@code kid}, for the audience. */
    public static JwtDecoder decoder(List<RSAPublicKey> keys, String issuer, String audience) {
        JWSKeySelector<SecurityContext> byKeyId =
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwkSet(keys)));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // a token without a kid names no key: refused, never tried against every key
        processor.setJWSKeySelector(
                (header, context) -> header.getKeyID() == null ? List.of() : byKeyId.selectJWSKeys(header, context));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // the validators below check the claims
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}
