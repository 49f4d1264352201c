/**
 * The CPS Terms &amp; Conditions as versioned texts (English and German), from configuration
 * ({@code cps.membership.terms}): {@code GET /api/membership/terms[?version=][&lang=en|de]}, no token, so the
 * portal can show them before checkout. Checkout accepts only the current version ({@code cps.membership.terms-version})
 * and records it with the order; the membership feature decides that with the published versions it is given.
 */
package com.canon.cps.membership.terms;
