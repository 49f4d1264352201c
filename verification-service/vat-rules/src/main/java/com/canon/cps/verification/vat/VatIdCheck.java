package com.canon.cps.verification.vat;

/**
 * Result of an offline VAT ID check.
 *
 * @param input the string as given (may be {@code null})
 * @param normalised upper-case, separators removed, Greek prefix {@code EL}, Swiss/Norwegian suffix removed and
 *     legacy short forms padded (never {@code null}; empty for {@code null} input)
 * @param country the VAT country prefix ({@code EL} for Greece, {@code XI} for Northern Ireland); {@code null} when
 *     the input does not start with two letters
 * @param valid whether format and check digit are correct
 * @param reason {@code null} when valid, otherwise why the check failed
 */
public record VatIdCheck(String input, String normalised, String country, boolean valid, VatIdRejection reason) {}
