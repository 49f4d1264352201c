/**
 * Login and sessions: {@code POST /api/auth/login} checks operators (configuration) and members (credentials of the
 * {@code password} feature), throttles repeated failures, and answers a short-lived RS256 access token with a
 * rotating refresh token; {@code /refresh} and {@code /logout} rotate and revoke refresh-token families, and a changed
 * password revokes all of an account's (ADR 13).
 */
package com.canon.cps.account.auth;
