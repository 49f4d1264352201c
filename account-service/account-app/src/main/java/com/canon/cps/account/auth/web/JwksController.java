package com.canon.cps.account.auth.web;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.security.JwtKeys;
import com.canon.cps.platform.security.Pem;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys tokens are signed with, as a JWK set (RFC 7517), for any system that checks the platform's tokens
 * (issue 16, finding 8): each key with its {@code kid}, during a rotation both. Only public parameters, never the
 * private key.
 */
@RestController
public class JwksController {

    public static final String PATH = "/.well-known/jwks.json";

    private final Map<String, Object> keys;

    JwksController(PlatformProperties platform) {
        this.keys = JwtKeys.jwkSet(Pem.publicKeys(platform.jwt().publicKey())).toJSONObject(true);
    }

    @GetMapping(value = PATH, produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys);
    }
}
