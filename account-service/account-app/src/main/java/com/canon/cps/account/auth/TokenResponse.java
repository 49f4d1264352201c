package com.canon.cps.account.auth;

record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
