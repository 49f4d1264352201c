/**
 * verification-service: evidence documents ({@code document}), VAT registries ({@code registry}), the review of
 * applications and company changes ({@code review}) and the public VAT ID check ({@code vatid}). Settings and the
 * wiring shared by the features live in {@code config}.
 */
package com.canon.cps.verification;
