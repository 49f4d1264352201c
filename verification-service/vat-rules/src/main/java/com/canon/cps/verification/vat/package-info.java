/**
 * Offline VAT ID rules (docs/domain.md §1, steps 1 and 2): normalisation, format per country and the national check-digit
 * algorithm for the 27 EU member states, XI, GB, CH and NO. Entry point: {@link
 * com.canon.cps.verification.vat.VatIdValidator}. JDK only; no registry call.
 *
 * <p>Each country has one package-private rule class that names its source (mainly the European Commission's VIES
 * "VAT number validation routines" and the national tax authority). Judgement calls, all covered by tests:
 *
 * <ul>
 *   <li>{@code GR} is accepted as an alias of Greece and normalised to {@code EL}.
 *   <li>Besides spaces, dots, dashes and slashes, commas, colons and parentheses are separators too (real-world
 *       inputs such as {@code "DK: 21599336"} and {@code "BE (0)468.561.072"}).
 *   <li>Legacy short forms are padded with leading zeros: BE 9 digits, EL 8 digits, NL 7-8 digits before {@code B}.
 *   <li>CH accepts the suffixes MWST, TVA, IVA, TPV (Romansh) and VAT; NO accepts MVA. Both are dropped.
 *   <li>Embedded dates and ranges (CZ and LV birth dates, IT office code, LT and CY markers, GB GD/HA ranges) are
 *       part of the format: failing them gives {@code FORMAT}, not {@code CHECK_DIGIT}.
 *   <li>RO accepts only the VIES structure (2-10 digits); the 13-digit personal number (CNP) is {@code FORMAT}. SK
 *       accepts only the VIES structure (third digit 2, 3, 4, 7, 8 or 9), without a birth-number fallback.
 *   <li>GB/XI: mod 97 (remainder 0) or 9755 (remainder 42, from 100 0000 00 upwards) only.
 *   <li>ES CIF: the numeric and the letter control character are both accepted for every organisation letter.
 *   <li>LV personal codes issued since July 2017 (prefix 32, no birth date) are checked for format only.
 * </ul>
 */
package com.canon.cps.verification.vat;
