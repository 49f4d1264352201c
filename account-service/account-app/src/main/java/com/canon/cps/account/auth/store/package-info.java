/**
 * Sign-in's own tables: the rotating refresh tokens and their families ({@code refresh_token}), the login throttle
 * ({@code login_throttle}) and the operators' accounts ({@code operator_account}, beside the configured bootstrap
 * operators); and what other features may do to a member's sessions.
 */
package com.canon.cps.account.auth.store;
