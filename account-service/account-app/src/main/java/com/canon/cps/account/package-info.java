/**
 * account-service: the Business Account from application to activation, the member's sign-in (tokens, sessions,
 * throttling), password setup and reset, MY ACCOUNT's own changes, the proof of an old CPS e-mail, the operators'
 * accounts and the erasure of an account (GDPR Art. 17). One package per feature; the service's settings and web
 * wiring in {@code config}.
 */
package com.canon.cps.account;
