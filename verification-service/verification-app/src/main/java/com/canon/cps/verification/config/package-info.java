/**
 * verification-service's typed settings ({@code cps.verification.*}, {@code cps.verification.documents.*}) and its web
 * wiring: public endpoints and VAT IDs with a slash in the path. The registry's settings stay with the registry's
 * wiring ({@code registry}).
 */
package com.canon.cps.verification.config;
