/**
 * The real registries behind the {@link com.canon.cps.verification.registry.VatRegistry} port, each speaking its
 * registry's published interface over HTTP: VIES's REST interface (EU member states and XI), HMRC's "Check a UK VAT
 * number" API v2.0 (GB, OAuth 2.0 client credentials), the Swiss UID register's public SOAP service (CH) and the
 * Brønnøysund register's open data API (NO).
 *
 * <p>Each adapter answers valid or invalid only when the registry itself said so; every fault of the registry, and
 * everything that went wrong on the way (time-out, rate limit, a malformed answer), is thrown as a
 * {@link com.canon.cps.verification.registry.RegistryFaultException} with the VIES fault code that fits, so that the
 * resilience decorator retries, counts and reports it as <em>unknown</em>, never as invalid (docs/domain.md §1).
 */
package com.canon.cps.verification.registry.adapter;
