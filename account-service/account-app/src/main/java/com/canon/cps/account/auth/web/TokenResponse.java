package com.canon.cps.account.auth.web;

/**
 * Body of {@code POST /api/auth/login} and {@code POST /api/auth/refresh}.
 *
 * @param expiresIn seconds the access token is valid
 * @param refreshToken opaque, single-use: exchange it at {@code POST /api/auth/refresh} for the next pair
 * @param refreshExpiresIn seconds until the refresh token, and every successor of it, expires (counted from the login)
 */
record TokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
