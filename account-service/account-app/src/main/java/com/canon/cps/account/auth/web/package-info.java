/**
 * Sign-in over HTTP: log in (throttled, 429 past the limit), refresh and log out, the signed-in member's password
 * change and erasure, the RS256 access tokens issued for them and the public keys at {@code /.well-known/jwks.json}.
 */
package com.canon.cps.account.auth.web;
