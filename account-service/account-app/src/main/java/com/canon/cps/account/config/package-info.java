/**
 * account-service's typed settings ({@code cps.account.*}) and its web wiring (the endpoints that need no token).
 */
package com.canon.cps.account.config;
