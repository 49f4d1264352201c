/**
 * The VAT registries behind a port: {@link com.canon.cps.verification.registry.VatRegistry}. VIES answers for the EU
 * member states and Northern Ireland ({@code XI}), HMRC for Great Britain, the UID register for Switzerland and
 * Brønnøysund (BRREG) for Norway. A local simulator reproduces the VIES test service; every call goes through
 * Resilience4j (time limit, retry with back-off, circuit breaker, bulkhead), and whatever goes wrong comes back as
 * an {@code Unavailable} answer: a registry fault means <em>unknown</em>, never <em>invalid</em>.
 */
package com.canon.cps.verification.registry;
