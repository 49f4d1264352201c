package com.canon.cps.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** The account behind a member token: always the token's subject, never a path or body value. */
public final class CurrentMember {

    private CurrentMember() {}

    public static String accountId(Jwt jwt) {
        return jwt.getSubject();
    }
}
