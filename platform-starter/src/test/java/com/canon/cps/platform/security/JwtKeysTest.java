package com.canon.cps.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Issue 16, finding 8: tokens are accepted by key id and audience; two keys during a rotation's overlap. */
class JwtKeysTest {

    private static final String ISSUER = "cps-account-service";
    private static final String AUDIENCE = "cps-platform";

    private final KeyPair current = Pem.generateRsa();
    private final KeyPair next = Pem.generateRsa();

    /** Signed with Nimbus directly: Spring's encoder would not put another key's kid in the header. */
    private static String token(KeyPair keys, String kid, List<String> audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("a-member")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static String kid(KeyPair keys) {
        return JwtKeys.keyId((RSAPublicKey) keys.getPublic());
    }

    @Test
    void aTokenNamingAConfiguredKey_forThePlatform_isAccepted() throws Exception {
        JwtDecoder decoder = JwtKeys.decoder(List.of((RSAPublicKey) current.getPublic()), ISSUER, AUDIENCE);
        assertThat(decoder.decode(token(current, kid(current), List.of(AUDIENCE)))
                        .getSubject())
                .isEqualTo("a-member");
    }

    @Test
    void withoutTheAudience_forAnotherAudience_withoutAKid_orNamingAnotherKey_aTokenIsRefused() throws Exception {
        JwtDecoder decoder = JwtKeys.decoder(List.of((RSAPublicKey) current.getPublic()), ISSUER, AUDIENCE);
        for (String refused : List.of(
                token(current, kid(current), null),
                token(current, kid(current), List.of("some-other-system")),
                token(current, null, List.of(AUDIENCE)),
                token(current, kid(next), List.of(AUDIENCE)),
                token(next, kid(next), List.of(AUDIENCE)),
                token(next, kid(current), List.of(AUDIENCE)))) {
            assertThatThrownBy(() -> decoder.decode(refused)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void duringARotation_bothConfiguredKeysAreAccepted_eachForItsOwnKid() throws Exception {
        String both = Pem.encodePublic((RSAPublicKey) current.getPublic())
                + Pem.encodePublic((RSAPublicKey) next.getPublic());
        JwtDecoder decoder = JwtKeys.decoder(Pem.publicKeys(both), ISSUER, AUDIENCE);
        assertThat(decoder.decode(token(current, kid(current), List.of(AUDIENCE))))
                .isNotNull();
        assertThat(decoder.decode(token(next, kid(next), List.of(AUDIENCE)))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(token(next, kid(current), List.of(AUDIENCE))))
                .isInstanceOf(JwtException.class);
        assertThat(JwtKeys.jwkSet(Pem.publicKeys(both)).getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactly(kid(current), kid(next));
    }

    @Test
    void theKeyIdIsTheThumbprint_andThePublicKeyFollowsFromThePrivateKey() throws Exception {
        RSAPublicKey derived = Pem.publicKeyOf((RSAPrivateKey) current.getPrivate());
        assertThat(JwtKeys.keyId(derived)).isEqualTo(kid(current)).matches("[A-Za-z0-9_-]{43}");
        assertThat(JwtKeys.keyId((RSAPublicKey) next.getPublic())).isNotEqualTo(kid(current));
    }
}
